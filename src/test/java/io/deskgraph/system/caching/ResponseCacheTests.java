package io.deskgraph.system.caching;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deskgraph.system.limits.DefaultLimitsTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseCache} over HTTP in demo mode with the default limits and
 * quotas: a stored result is the uncached one, sent again without a vendor call until its
 * first vendor answer expires; it is per caller scope; failed, stale and erroneous
 * results, mutations and introspection are never stored.
 *
 * @author DeskGraph
 */
// The demo's Alibaba status takes 5 DescribeDesktops calls in each of its 3 regions: a
// burst that holds this test's calls (tried again while the vendor is down) lets no
// answer wait for quota until its 2 s have passed.
@TestPropertySource(properties = { "deskgraph.cache.live-ttl=2s",
		"deskgraph.upstream.quotas[alibaba-DescribeDesktops].per-minute=1000",
		"deskgraph.upstream.quotas[alibaba-DescribeDesktops].burst=200", "deskgraph.security.api-keys[0].name=operator",
		"deskgraph.security.api-keys[0].key=" + ResponseCacheTests.OPERATOR_KEY,
		"deskgraph.security.api-keys[1].name=huawei-team",
		"deskgraph.security.api-keys[1].key=" + ResponseCacheTests.HUAWEI_KEY,
		"deskgraph.security.api-keys[1].accounts=huawei-demo" })
class ResponseCacheTests extends DefaultLimitsTestSupport {

	static final String OPERATOR_KEY = "operator-key-for-response-cache-tests";

	static final String HUAWEI_KEY = "huawei-team-key-for-response-cache-tests";

	private static final String STATUS = "{ desktopStatus { total run { active stopped } "
			+ "sources { accountId state fetchedAt } } }";

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Test
	void aStoredResultIsTheUncachedOneSentAgainWithoutAVendorCallUntilItExpires() throws InterruptedException {
		String first = postAs(OPERATOR_KEY, STATUS, Map.of());
		long callsAfterFirst = vendorCalls();
		assertThat(first).contains("\"state\":\"OK\"").doesNotContain("errors");
		double hits = gets("hit");
		String second = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(second).isEqualTo(first);
		assertThat(vendorCalls()).isEqualTo(callsAfterFirst);
		assertThat(gets("hit") - hits).isEqualTo(1);
		// The status counts live 2 s here: after that the result is built again, from
		// new vendor answers fetched later.
		Thread.sleep(2_100);
		String third = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(vendorCalls()).isGreaterThan(callsAfterFirst);
		assertThat(fetchedAt(third)).isNotEqualTo(fetchedAt(first));
		// The same query without extra whitespace is another document, but the same
		// variables in another order are the same key.
		String ranking = "query($range: DateRange!, $first: Int) { usageRanking(range: $range, first: $first) "
				+ "{ totalCount edges { node { rank duration { seconds } } } } }";
		Map<String, Object> range = Map.of("from", today().minusDays(7).toString(), "to",
				today().minusDays(1).toString());
		String uncached = postAs(OPERATOR_KEY, ranking, Map.of("range", range, "first", 3));
		long calls = vendorCalls();
		hits = gets("hit");
		assertThat(postAs(OPERATOR_KEY, ranking, Map.of("first", 3, "range", range))).isEqualTo(uncached);
		assertThat(gets("hit") - hits).isEqualTo(1);
		assertThat(vendorCalls()).isEqualTo(calls);
	}

	@Test
	void identicalRequestsArrivingTogetherMakeOneExecution() {
		String query = "{ togetherStatus: desktopStatus { total sources { accountId state fetchedAt } } }";
		double executions = documentLookups();
		List<String> answers = Flux.range(0, 24)
			.flatMap((i) -> Mono.fromCallable(() -> postAs(OPERATOR_KEY, query, Map.of()))
				.subscribeOn(Schedulers.boundedElastic()), 24)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(answers).hasSize(24).allSatisfy((answer) -> assertThat(answer).isEqualTo(answers.get(0)));
		assertThat(answers.get(0)).contains("\"state\":\"OK\"").doesNotContain("errors");
		assertThat(documentLookups() - executions).isEqualTo(1);
	}

	@Test
	void aScopedCallerNeverReceivesAnotherScopesStoredResult() {
		String everyAccount = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(everyAccount).contains("huawei-demo").contains("alibaba-demo");
		String huaweiOnly = postAs(HUAWEI_KEY, STATUS, Map.of());
		assertThat(huaweiOnly).contains("huawei-demo").doesNotContain("alibaba-demo");
		assertThat(postAs(HUAWEI_KEY, STATUS, Map.of())).isEqualTo(huaweiOnly);
		assertThat(postAs(OPERATOR_KEY, STATUS, Map.of())).isEqualTo(everyAccount);
	}

	@Test
	void failedStaleAndErroneousResultsAreNotStored() throws InterruptedException {
		double puts = puts();
		faults(this.alibaba.baseUrl(), Map.of("down", true));
		String failed = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(failed).contains("\"state\":\"FAILED\"");
		assertThat(puts()).isEqualTo(puts);
		vendorBack();
		String answered = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(answered).doesNotContain("FAILED").contains("\"state\":\"OK\"");
		assertThat(puts()).isEqualTo(puts + 1);
		// Once the counts expire with the vendor down, the last good answer stands in,
		// reported STALE, and that result is not stored either.
		Thread.sleep(2_100);
		faults(this.alibaba.baseUrl(), Map.of("down", true));
		String stale = postAs(OPERATOR_KEY, STATUS, Map.of());
		assertThat(stale).contains("\"state\":\"STALE\"");
		assertThat(puts()).isEqualTo(puts + 1);
		vendorBack();
		assertThat(postAs(OPERATOR_KEY, STATUS, Map.of())).doesNotContain("STALE");
		String badRequest = postAs(OPERATOR_KEY,
				"{ usageRanking(range: {from: \"2026-01-02\", to: \"2026-01-01\"}) " + "{ totalCount } }", Map.of());
		assertThat(badRequest).contains("BAD_REQUEST");
		postAs(OPERATOR_KEY, "{ __schema { queryType { name } } }", Map.of());
		postAs(OPERATOR_KEY, "{ __schema { queryType { name } } }", Map.of());
		assertThat(puts()).isEqualTo(puts + 2);
	}

	@Test
	void mutationsAreNeverStored() {
		String export = """
				mutation($range: DateRange!) {
				  startDesktopUsageExport(input: {accountId: "huawei-demo", range: $range}) { id }
				}""";
		Map<String, Object> range = Map.of("from", today().minusDays(3).toString(), "to",
				today().minusDays(1).toString());
		double puts = puts();
		String first = postAs(OPERATOR_KEY, export, Map.of("range", range));
		String second = postAs(OPERATOR_KEY, export, Map.of("range", range));
		assertThat(first).contains("\"startDesktopUsageExport\":{\"id\"");
		assertThat(second).isNotEqualTo(first);
		assertThat(puts()).isEqualTo(puts);
	}

	private String postAs(String key, String query, Map<String, Object> variables) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.header("X-API-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
	}

	/** The Alibaba simulator up again, and the breakers its outage opened closed. */
	private void vendorBack() {
		WebClient.create(this.alibaba.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	private static void faults(String baseUrl, Map<String, Object> faults) {
		WebClient.create(baseUrl).put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

	private static String fetchedAt(String response) {
		int at = response.indexOf("\"fetchedAt\":");
		return response.substring(at, response.indexOf(',', at));
	}

	private double gets(String result) {
		return this.meters.get("deskgraph.response.cache.requests").tags("result", result).counter().count();
	}

	/** Every execution looks its document up once. */
	private double documentLookups() {
		return this.meters.get("deskgraph.document.cache.requests")
			.functionCounters()
			.stream()
			.mapToDouble(FunctionCounter::count)
			.sum();
	}

	private double puts() {
		return this.meters.get("deskgraph.response.cache.puts").counter().count();
	}

}
