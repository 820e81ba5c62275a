package io.deskgraph.connector;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a vendor throttling half of all calls still answers every query: throttled
 * calls are retried within each request's deadline instead of a fixed three times. The
 * retries here are short and many so that the chance of a call being throttled every time
 * (one in 2^40) cannot make the test fail by luck.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.upstream.retry.first-backoff=10ms", "deskgraph.upstream.retry.max-backoff=50ms",
				"deskgraph.upstream.retry.max-attempts=40", "deskgraph.security.rate-limit.enabled=false" })
class ThrottledVendorTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private HuaweiSimulator huawei;

	@Test
	void throttlingOnHalfTheCallsStillAnswersEveryQuery() {
		WebClient.create(this.huawei.baseUrl())
			.put()
			.uri("/_sim/faults")
			.bodyValue(Map.of("throttleRate", 0.5))
			.retrieve()
			.toBodilessEntity()
			.block();
		LocalDate today = this.huawei.estate().today();
		// 20 distinct cold questions to an API allowed 200 calls a minute: about 40 calls
		// with the retries, well within DeskGraph's burst of 60, so only the retries
		// decide.
		List<Map<String, Object>> responses = Flux.range(3, 20)
			.flatMap((day) -> post("{ desktopMetrics(range: {from: \"" + today.minusDays(day) + "\", to: \""
					+ today.minusDays(day) + "\"}, first: 1) { totalCount } }"), 20)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(responses).hasSize(20)
			.allSatisfy((response) -> assertThat(response).as("%s", response).doesNotContainKey("errors"));
		Map<String, Object> stats = WebClient.create(this.huawei.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		assertThat(calls.get("ListDesktopUsageMetric").longValue()).isGreaterThan(20);
		assertThat(((Number) stats.get("quotaExceeded")).longValue()).isZero();
	}

	private reactor.core.publisher.Mono<Map<String, Object>> post(String query) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(JSON);
	}

}
