package io.deskgraph.connector;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link UpstreamExecutor} through the whole gateway over real HTTP: single
 * flight, time to live, stale answers, retries, the circuit breaker, partial results and
 * quota compliance, with faults injected into the simulators and upstream calls counted
 * there.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.cache.live-ttl=1s", "deskgraph.cache.recent-ttl=1s",
				"deskgraph.upstream.retry.first-backoff=20ms", "deskgraph.limits.request-deadline=4s",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=5",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=10",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s",
				"deskgraph.security.rate-limit.enabled=false" })
class UpstreamResilienceTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private AlibabaSimulator alibaba;

	@Autowired
	private UpstreamExecutor upstream;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private VendorQuotaLimiter quotaLimiter;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void reset() {
		simulator(this.huawei.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		simulator(this.alibaba.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		this.upstream.invalidateAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.quotaLimiter.reset();
	}

	@Test
	void manyConcurrentIdenticalQueriesShareOneUpstreamCall() {
		String query = usageQuery(today().minusDays(5), today().minusDays(3));
		double hitsBefore = cacheHits("ListUsedDesktopInfo");
		double responseHitsBefore = responseHits();
		List<Map<String, Object>> responses = Flux.range(0, 64)
			.flatMap((i) -> post(query), 64)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(responses).hasSize(64).allSatisfy((response) -> assertThat(response).doesNotContainKey("errors"));
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(1);
		assertThat(this.meters.find(UpstreamExecutor.TIMER)
			.tags("vendor", "HUAWEI", "account", "huawei-demo", "api", "ListUsedDesktopInfo", "outcome", "success")
			.timer()).isNotNull();
		// The others share the first one's result (the response cache, whether it was
		// stored or being built when they came) or, executed themselves, its vendor page.
		assertThat(cacheHits("ListUsedDesktopInfo") - hitsBefore + responseHits() - responseHitsBefore).isEqualTo(63);
		assertThat(this.meters.find("resilience4j.circuitbreaker.state")
			.tags("name", "huawei-demo.ListUsedDesktopInfo")
			.gauges()).isNotEmpty();
		assertThat(this.meters.find("deskgraph.upstream.quota.available")
			.tags("account", "huawei-demo", "api", "ListUsedDesktopInfo")
			.gauge()).isNotNull();
	}

	@Test
	void answersAreReusedForTheirTimeToLiveOnly() {
		String query = "{ desktopStatus(accountIds: [\"huawei-demo\"]) { total } }";
		post(query).block();
		post(query).block();
		assertThat(huaweiCalls("ListDesktopsStatistics")).isEqualTo(1);
		await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			post(query).block();
			assertThat(huaweiCalls("ListDesktopsStatistics")).isEqualTo(2);
		});
	}

	@Test
	void lastGoodAnswerStandsInAsStaleWhenTheVendorFails() {
		String query = "{ desktopStatus(accountIds: [\"huawei-demo\"]) { total sources { state fetchedAt error { code } } } }";
		Map<String, Object> fresh = post(query).block();
		String fetchedAt = (String) source(fresh, "desktopStatus", 0).get("fetchedAt");
		faults(this.huawei.baseUrl(), Map.of("down", true));
		await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> response = post(query).block();
			assertThat(data(response, "desktopStatus").get("total")).isEqualTo(this.huawei.estate().desktops().size());
			Map<String, Object> source = source(response, "desktopStatus", 0);
			assertThat(source.get("state")).isEqualTo("STALE");
			assertThat(source.get("fetchedAt")).isEqualTo(fetchedAt);
			assertThat(error(response).get("extensions"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("sourceState", "STALE")
				.containsEntry("accountId", "huawei-demo");
		});
	}

	@Test
	void throttlingIsRetriedUntilTheRequestDeadlineThenReported() {
		faults(this.huawei.baseUrl(), Map.of("throttleRate", 1.0));
		long start = System.nanoTime();
		Map<String, Object> response = post(
				"{ desktopStatus(accountIds: [\"huawei-demo\"]) { total sources { state } } }")
			.block();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(source(response, "desktopStatus", 0).get("state")).isEqualTo("FAILED");
		assertThat(classification(response)).isEqualTo("UPSTREAM_THROTTLED");
		// Backoff from 20 ms doubling: more attempts than the old fixed three fit in the
		// 4 s deadline, and the answer comes when the next wait would pass the deadline.
		assertThat(huaweiCalls("ListDesktopsStatistics")).isBetween(5L, 10L);
		assertThat(took).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void circuitOpensOnRepeatedFailuresAndClosesWhenTheVendorRecovers() {
		faults(this.huawei.baseUrl(), Map.of("errorRate", 1.0));
		AtomicReference<Map<String, Object>> last = new AtomicReference<>();
		for (int day = 3; day < 13 && !"DESKGRAPH_CIRCUIT_OPEN".equals(upstreamCode(last.get())); day++) {
			last.set(post(usageQuery(today().minusDays(day), today().minusDays(day))).block());
		}
		assertThat(upstreamCode(last.get())).isEqualTo("DESKGRAPH_CIRCUIT_OPEN");
		assertThat(classification(last.get())).isEqualTo("UPSTREAM_UNAVAILABLE");
		long callsWhenOpen = huaweiCalls("ListUsedDesktopInfo");
		post(usageQuery(today().minusDays(20), today().minusDays(20))).block();
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(callsWhenOpen);
		faults(this.huawei.baseUrl(), Map.of("errorRate", 0.0));
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, Object> response = post(usageQuery(today().minusDays(21), today().minusDays(21))).block();
			assertThat(response).doesNotContainKey("errors");
		});
		assertThat(this.circuitBreakers.circuitBreaker("huawei-demo.ListUsedDesktopInfo").getState())
			.isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
	}

	@Test
	void oneVendorDownLeavesTheOtherVendorsAnswer() {
		faults(this.huawei.baseUrl(), Map.of("down", true));
		Map<String, Object> response = post("{ usageRanking(range: {from: \"" + today().minusDays(6) + "\", to: \""
				+ today().minusDays(4) + "\"}, first: 5) { edges { node { rank desktop { accountId } } } "
				+ "sources { accountId state error { code retryable } } } }")
			.block();
		assertThat(source(response, "usageRanking", 0)).containsEntry("state", "FAILED");
		assertThat(source(response, "usageRanking", 1)).containsEntry("state", "OK");
		assertThat(classification(response)).isEqualTo("UPSTREAM_UNAVAILABLE");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> edges = (List<Map<String, Object>>) data(response, "usageRanking").get("edges");
		assertThat(edges).hasSize(5)
			.allSatisfy((edge) -> assertThat(edge.toString()).contains("accountId=alibaba-demo"));
	}

	@Test
	void malformedVendorBodiesAreUnavailableNotInternalErrors() {
		faults(this.alibaba.baseUrl(), Map.of("malformedRate", 1.0));
		Map<String, Object> response = post("{ desktopStatus(vendors: [ALIBABA]) { total sources { state } } }")
			.block();
		assertThat(source(response, "desktopStatus", 0)).containsEntry("state", "FAILED");
		assertThat(classification(response)).isEqualTo("UPSTREAM_UNAVAILABLE");
	}

	@Test
	void overloadNeverExceedsTheVendorQuota() {
		// 150 distinct cold questions for an API allowed 100 calls a minute.
		List<Map<String, Object>> responses = Flux.range(1, 150)
			.flatMap((day) -> post(usageQuery(today().minusDays(day), today().minusDays(day))), 32)
			.collectList()
			.block(Duration.ofSeconds(60));
		long answered = responses.stream().filter((response) -> !response.containsKey("errors")).count();
		long throttled = responses.stream()
			.filter((response) -> "UPSTREAM_THROTTLED".equals(classification(response)))
			.count();
		assertThat(responses).filteredOn(
				(response) -> response.containsKey("errors") && !"UPSTREAM_THROTTLED".equals(classification(response)))
			.isEmpty();
		assertThat(answered).isPositive();
		assertThat(throttled).isPositive();
		assertThat(answered + throttled).isEqualTo(150);
		assertThat(responses).filteredOn((response) -> "UPSTREAM_THROTTLED".equals(classification(response)))
			.allSatisfy((response) -> assertThat(response.toString()).containsPattern("retryAfterSeconds=\\d+")
				.contains("DESKGRAPH_RATE_LIMIT"));
		Map<String, Object> stats = simulator(this.huawei.baseUrl()).get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		assertThat(((Number) stats.get("quotaExceeded")).longValue()).isZero();
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(answered).isLessThanOrEqualTo(100);
	}

	private double cacheHits(String api) {
		Counter hits = this.meters.find("cache.gets")
			.tags("cache", "deskgraph.upstream", "account", "huawei-demo", "api", api, "result", "hit")
			.counter();
		return (hits != null) ? hits.count() : 0;
	}

	private double responseHits() {
		Counter hits = this.meters.find("deskgraph.response.cache.requests").tags("result", "hit").counter();
		return (hits != null) ? hits.count() : 0;
	}

	private String usageQuery(LocalDate from, LocalDate to) {
		return "{ desktopUsage(range: {from: \"" + from + "\", to: \"" + to
				+ "\"}, accountIds: [\"huawei-demo\"], first: 1) { totalCount edges { node { total { seconds } } } } }";
	}

	private LocalDate today() {
		return this.huawei.estate().today();
	}

	private reactor.core.publisher.Mono<Map<String, Object>> post(String query) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(JSON);
	}

	private long huaweiCalls(String operation) {
		Map<String, Object> stats = simulator(this.huawei.baseUrl()).get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		return calls.getOrDefault(operation, 0).longValue();
	}

	private static void faults(String baseUrl, Map<String, Object> faults) {
		simulator(baseUrl).put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

	private static WebClient simulator(String baseUrl) {
		return WebClient.create(baseUrl);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> response, String field) {
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> source(Map<String, Object> response, String field, int index) {
		return ((List<Map<String, Object>>) data(response, field).get("sources")).get(index);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> error(Map<String, Object> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
		assertThat(errors).as("errors of %s", response).hasSize(1);
		return errors.get(0);
	}

	@SuppressWarnings("unchecked")
	private static String classification(Map<String, Object> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
		if (errors == null || errors.isEmpty()) {
			return null;
		}
		return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("classification");
	}

	@SuppressWarnings("unchecked")
	private static String upstreamCode(Map<String, Object> response) {
		if (response == null || response.get("errors") == null) {
			return null;
		}
		return (String) ((Map<String, Object>) ((List<Map<String, Object>>) response.get("errors")).get(0)
			.get("extensions")).get("upstreamCode");
	}

}
