package io.deskgraph.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the simulator-only {@code simulator} profile.
 *
 * @author DeskGraph
 */
@SpringBootTest(classes = SimulatorProfileTests.SimulatorsOnly.class,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.accounts[0].id=ignored-in-simulator-mode" })
@ActiveProfiles("simulator")
class SimulatorProfileTests {

	@Autowired
	private HuaweiSimulator simulator;

	@Autowired
	private Environment environment;

	@Test
	void profileRunsTheSimulatorsAloneOnAllInterfaces() throws Exception {
		assertThat(this.simulator.isRunning()).isTrue();
		assertThat(this.simulator.properties().host()).isEqualTo("0.0.0.0");
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(this.environment.getProperty("spring.main.keep-alive", Boolean.class)).isTrue();
		HttpRequest request = HttpRequest
			.newBuilder(URI
				.create(this.simulator.baseUrl() + "/v2/" + this.simulator.properties().projectId() + "/statistics"))
			.header("X-Auth-Token", this.simulator.properties().iamToken())
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		// Only the total without statistics_type, and no pools without
		// desktop_type=POOLED.
		assertThat(response.body()).isEqualTo("{\"total_num\":300}");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SimulatorProperties.class, HuaweiSimulatorProperties.class,
			AlibabaSimulatorProperties.class })
	@Import(HuaweiSimulator.class)
	static class SimulatorsOnly {

	}

}
