package io.deskgraph;

import java.util.Map;

import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the whole application started with the {@code simulator} profile, as the
 * compose services do, runs only the vendor simulators.
 *
 * @author DeskGraph
 */
@SpringBootTest(properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
		"spring.main.keep-alive=false" })
@ActiveProfiles("simulator")
class SimulatorOnlyApplicationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private AlibabaSimulator alibaba;

	@Test
	void startsBothSimulatorsAndNoGraphQlServer() {
		assertThat(this.huawei.isRunning()).isTrue();
		assertThat(this.alibaba.isRunning()).isTrue();
		assertThat(this.context)
			.isNotInstanceOf(org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext.class);
		for (String baseUrl : new String[] { this.huawei.baseUrl(), this.alibaba.baseUrl() }) {
			Map<String, Object> stats = WebClient.create(baseUrl)
				.get()
				.uri("/_sim/stats")
				.retrieve()
				.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.block();
			assertThat(stats).containsKeys("calls", "quotaExceeded", "injected", "peakPerSecond");
		}
	}

}
