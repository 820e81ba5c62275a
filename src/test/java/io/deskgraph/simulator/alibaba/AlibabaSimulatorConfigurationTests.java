package io.deskgraph.simulator.alibaba;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.DemoAccounts;
import io.deskgraph.simulator.SimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the wiring of {@link AlibabaSimulator}, {@link AlibabaDemoAccount} and
 * {@link AlibabaSimulatorProperties}.
 *
 * @author DeskGraph
 */
class AlibabaSimulatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SimulatorsOnly.class)
		.withPropertyValues("deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0");

	@Test
	void bothSimulatorsRunInDemoModeWithTheHuaweiDemoAccountFirst() {
		this.runner.run((context) -> {
			AlibabaSimulator alibaba = context.getBean(AlibabaSimulator.class);
			assertThat(alibaba.isRunning()).isTrue();
			assertThat(context.getBean(HuaweiSimulator.class).isRunning()).isTrue();
			List<AccountProperties> accounts = context.getBeanProvider(DemoAccounts.class)
				.orderedStream()
				.flatMap((demo) -> demo.accounts().stream())
				.toList();
			assertThat(accounts).extracting(AccountProperties::id).containsExactly("huawei-demo", "alibaba-demo");
			AccountProperties account = accounts.get(1);
			assertThat(account.vendor()).isEqualTo(Vendor.ALIBABA);
			assertThat(account.region()).isEqualTo("cn-shanghai");
			assertThat(account.name()).isEqualTo("Alibaba demo (simulator)");
			assertThat(account.endpoint()).isEqualTo(URI.create(alibaba.baseUrl()));
			assertThat(account.accessKey()).isEqualTo("LTAIdemoAK0000000001");
			assertThat(account.secretKey()).isEqualTo("ali-demo-secret-for-local-use-only");
			assertThat(account.securityToken()).isNull();
		});
	}

	@Test
	void simulatorStaysOffWhenAnAccountIsConfigured() {
		this.runner.withPropertyValues("deskgraph.accounts[0].id=ali-prod")
			.run((context) -> assertThat(context).doesNotHaveBean(AlibabaSimulator.class)
				.doesNotHaveBean(DemoAccounts.class));
	}

	@Test
	void simulatorStopsWithTheContext() {
		AlibabaSimulator[] simulator = new AlibabaSimulator[1];
		this.runner.run((context) -> simulator[0] = context.getBean(AlibabaSimulator.class));
		assertThat(simulator[0].isRunning()).isFalse();
	}

	@Test
	void propertiesHaveTheDocumentedDefaultsAndMaskSecrets() {
		this.runner.withPropertyValues("deskgraph.simulator.alibaba.security-token=ali-sts-secret").run((context) -> {
			AlibabaSimulatorProperties properties = context.getBean(AlibabaSimulatorProperties.class);
			assertThat(properties.host()).isEqualTo("127.0.0.1");
			assertThat(properties.seed()).isEqualTo(7);
			assertThat(properties.desktops()).isEqualTo(240);
			assertThat(properties.accessKeyId()).isEqualTo("LTAIdemoAK0000000001");
			assertThat(properties.accessKeySecret()).isEqualTo("ali-demo-secret-for-local-use-only");
			assertThat(properties.clockSkew()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.nonceRetention()).isEqualTo(Duration.ofMinutes(30));
			assertThat(properties.timeoutHold()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.quotas().queryHistoryUsageDurationRank()).isEqualTo(100);
			assertThat(properties.quotas().describeDesktops()).isEqualTo(200);
			// China days, so that the demo shows two day zones (Alibaba documents none).
			assertThat(properties.dayZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(properties.aggregationHour()).isEqualTo(2);
			assertThat(properties.toString()).contains("LTAIdemoAK0000000001")
				.doesNotContain(properties.accessKeySecret())
				.doesNotContain("ali-sts-secret");
		});
		assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("deskgraph.simulator.alibaba", AlibabaSimulatorProperties.class)
			.port()).isEqualTo(18082);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SimulatorProperties.class, HuaweiSimulatorProperties.class,
			AlibabaSimulatorProperties.class })
	@ComponentScan(basePackages = "io.deskgraph.simulator",
			excludeFilters = @Filter(type = FilterType.ANNOTATION, classes = Configuration.class))
	static class SimulatorsOnly {

	}

}
