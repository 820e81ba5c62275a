package io.deskgraph.simulator;

import java.time.ZoneId;
import java.util.Map;

import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DemoModeCondition} and the binding of {@link SimulatorProperties}.
 *
 * @author DeskGraph
 */
class SimulatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SimulatorsOnly.class)
		.withPropertyValues("deskgraph.simulator.huawei.port=0");

	@Test
	void simulatorsRunWhenNoAccountIsConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HuaweiSimulator.class);
			assertThat(context.getBean(HuaweiSimulator.class).isRunning()).isTrue();
		});
	}

	@Test
	void simulatorsStayOffWhenAnAccountIsConfigured() {
		this.runner.withPropertyValues("deskgraph.accounts[0].id=hw-prod")
			.run((context) -> assertThat(context).doesNotHaveBean(HuaweiSimulator.class));
	}

	@Test
	void accountsFromTheEnvironmentCountAsConfigured() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("DESKGRAPH_ACCOUNTS_0_ID", "hw-prod"))))
			.run((context) -> assertThat(context).doesNotHaveBean(HuaweiSimulator.class));
	}

	@Test
	void enabledPropertyOverridesTheAccountCheck() {
		this.runner.withPropertyValues("deskgraph.accounts[0].id=hw-prod", "deskgraph.simulator.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HuaweiSimulator.class));
		this.runner.withPropertyValues("deskgraph.simulator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HuaweiSimulator.class));
	}

	@Test
	void propertiesHaveTheDocumentedDefaultsAndMaskSecrets() {
		this.runner.run((context) -> {
			assertThat(context.getBean(SimulatorProperties.class).enabled()).isNull();
			HuaweiSimulatorProperties properties = context.getBean(HuaweiSimulatorProperties.class);
			assertThat(properties.host()).isEqualTo("127.0.0.1");
			assertThat(properties.seed()).isEqualTo(42);
			assertThat(properties.desktops()).isEqualTo(300);
			assertThat(properties.projectId()).isEqualTo("0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f");
			assertThat(properties.accessKey()).isEqualTo("HWDEMOAK00000000000A");
			assertThat(properties.quotas().listUsedDesktopInfo()).isEqualTo(100);
			assertThat(properties.quotas().listDesktopUsageMetric()).isEqualTo(200);
			// Huawei's documented days and aggregation hour, shared by the demo.
			assertThat(properties.dayZone()).isEqualTo(ZoneId.of("UTC"));
			assertThat(properties.aggregationHour()).isEqualTo(2);
			assertThat(properties.toString()).doesNotContain(properties.secretKey())
				.doesNotContain(properties.iamToken());
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SimulatorProperties.class, HuaweiSimulatorProperties.class,
			AlibabaSimulatorProperties.class })
	@Import(HuaweiSimulator.class)
	static class SimulatorsOnly {

	}

}
