package io.deskgraph.connector;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that one client cannot take an account's vendor quota from another, with the
 * default quotas over real HTTP: a client whose small question arrives while another
 * client's large one waits for quota is served in turn, not after it.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
		"deskgraph.security.api-keys[0].name=heavy", "deskgraph.security.api-keys[0].key=" + FairQuotaTests.HEAVY,
		"deskgraph.security.api-keys[1].name=light", "deskgraph.security.api-keys[1].key=" + FairQuotaTests.LIGHT })
class FairQuotaTests {

	static final String HEAVY = "heavy-0123456789abcdef0123456789abcdef";

	static final String LIGHT = "light-0123456789abcdef0123456789abcdef";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private MeterRegistry meters;

	@Test
	void smallQuestionIsServedInTurnWhileALargeOneWaitsForQuota() {
		LocalDate today = this.huawei.estate().today();
		// Twelve 31-day windows of three pages: 36 ListUsedDesktopInfo calls against a
		// burst of 30 and one more a second.
		AtomicLong heavyDone = new AtomicLong();
		CompletableFuture<Map<String, Object>> heavy = post(HEAVY,
				"{ desktopUsage(range: {from: \"" + today.minusDays(366) + "\", to: \"" + today.minusDays(1)
						+ "\"}, vendors: [HUAWEI], first: 1) { totalCount } }")
			.whenComplete((response, ex) -> heavyDone.set(System.nanoTime()));
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting("ListUsedDesktopInfo") > 0);
		long lightStart = System.nanoTime();
		Map<String, Object> light = post(LIGHT, "{ desktopUsage(range: {from: \"" + today.minusDays(3) + "\", to: \""
				+ today.minusDays(2) + "\"}, vendors: [HUAWEI], first: 1) { totalCount } }")
			.join();
		long lightDone = System.nanoTime();
		assertThat(light).as("%s", light).doesNotContainKey("errors");
		assertThat(heavy.join()).as("heavy answer").doesNotContainKey("errors");
		assertThat(heavyDone.get()).as("the light question finished first").isGreaterThan(lightDone);
		// Served at the next permit or the one after, not behind the heavy client's
		// queue.
		assertThat(Duration.ofNanos(lightDone - lightStart)).isLessThan(Duration.ofSeconds(3));
		Map<String, Object> stats = WebClient.create(this.huawei.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		assertThat(((Number) stats.get("quotaExceeded")).longValue()).isZero();
	}

	private double waiting(String api) {
		List<Gauge> gauges = this.meters.find("deskgraph.upstream.quota.waiting")
			.tag("api", api)
			.gauges()
			.stream()
			.toList();
		return gauges.stream().mapToDouble(Gauge::value).sum();
	}

	private CompletableFuture<Map<String, Object>> post(String key, String query) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.header("X-API-Key", key)
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(JSON)
			.toFuture();
	}

}
