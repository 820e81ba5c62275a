package io.deskgraph.connector.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.DeskGraphApplication;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests three gateway replicas sharing one real Redis server and one pair of vendor
 * simulators, each replica a whole DeskGraph application with its default quotas and
 * limits, over real HTTP: identical cold queries cost one vendor call, a burst at three
 * times a vendor quota stays within it, a client's request limit is counted once, and
 * Redis going away and coming back neither fails a query nor stops the sharing.
 *
 * @author DeskGraph
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasSharingRedisTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static RedisServer redis;

	private static ConfigurableApplicationContext simulators;

	private static String huaweiSimulator;

	private static String alibabaSimulator;

	private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private static final List<String> urls = new ArrayList<>();

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		simulators = new SpringApplicationBuilder(DeskGraphApplication.class).profiles("simulator")
			.run("--deskgraph.simulator.huawei.port=0", "--deskgraph.simulator.alibaba.port=0",
					"--deskgraph.simulator.huawei.host=127.0.0.1", "--deskgraph.simulator.alibaba.host=127.0.0.1",
					"--spring.main.keep-alive=false");
		huaweiSimulator = simulators.getBean(HuaweiSimulator.class).baseUrl();
		alibabaSimulator = simulators.getBean(AlibabaSimulator.class).baseUrl();
		for (int i = 0; i < 3; i++) {
			// Command-line arguments: they take precedence over application.yml, as a
			// deployment's settings do.
			ConfigurableApplicationContext replica = new SpringApplicationBuilder(DeskGraphApplication.class)
				.run(replicaProperties(i).entrySet()
					.stream()
					.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
					.toArray(String[]::new));
			replicas.add(replica);
			urls.add("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port"));
		}
		for (ConfigurableApplicationContext replica : replicas) {
			awaitShared(replica.getBean(SharedTier.class), true);
		}
	}

	@AfterAll
	static void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
		if (simulators != null) {
			simulators.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void resetSimulators() throws Exception {
		simulatorPost(huaweiSimulator, "/_sim/reset");
		simulatorPost(alibabaSimulator, "/_sim/reset");
	}

	@Test
	@Order(1)
	void identicalColdQueriesSpreadOverTheReplicasCostOneVendorCallEach() throws Exception {
		String query = ranking(lastSaturday().minusWeeks(3));
		List<String> answers = concurrently(12, (i) -> post(urls.get(i % 3), query, "198.51.100." + i).body());
		assertThat(answers).allSatisfy((answer) -> {
			JsonNode sources = JSON.readTree(answer).path("data").path("usageRanking").path("sources");
			assertThat(sources).hasSize(2)
				.allSatisfy((source) -> assertThat(source.path("state").asText()).isEqualTo("OK"));
		});
		// Every replica answers with the very page one of them fetched, fetchedAt
		// included.
		assertThat(answers).containsOnly(answers.get(0));
		assertThat(calls(huaweiSimulator, "ListDesktopUsageMetric")).isEqualTo(1);
		assertThat(calls(alibabaSimulator, "QueryHistoryUsageDurationRank")).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aClientOverSeveralReplicasGetsItsRequestLimitOnce() throws Exception {
		// The default limit: 20 requests a second, 40 at once, for one client address.
		long started = System.nanoTime();
		List<Integer> statuses = concurrently(90,
				(i) -> post(urls.get(i % 3), "{ accounts { id } }", "203.0.113.7").statusCode());
		double seconds = (System.nanoTime() - started) / 1e9;
		long answered = statuses.stream().filter((status) -> status == 200).count();
		assertThat(statuses).containsOnly(200, 429);
		// Three replicas alone would let 3 x 40 through.
		assertThat(answered).isGreaterThanOrEqualTo(40).isLessThanOrEqualTo(40 + (long) Math.ceil(20 * seconds) + 1);
	}

	@Test
	@Order(3)
	void aBurstAtThreeTimesTheVendorQuotaOverTheReplicasStaysWithinIt() throws Exception {
		// 300 distinct cold days, each one ListUsedDesktopInfo call (100 a minute per
		// key),
		// each from its own client address so that no per-client limit refuses any.
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long started = System.nanoTime();
		List<String> answers = concurrently(300, (i) -> {
			LocalDate day = today.minusDays(2 + (i % 170));
			String user = "user000" + (1 + i / 170);
			String query = "{ desktopUsage(range: {from: \"" + day + "\", to: \"" + day + "\"}, userName: \"" + user
					+ "\", accountIds: [\"huawei-demo\"], first: 1) { sources { state } } }";
			return post(urls.get(i % 3), query, "10.9." + (i / 250) + "." + (i % 250)).body();
		});
		double minutes = (System.nanoTime() - started) / 60e9;
		long withData = answers.stream().filter((answer) -> !answer.contains("\"errors\"")).count();
		long throttled = answers.stream().filter((answer) -> answer.contains("UPSTREAM_THROTTLED")).count();
		assertThat(withData + throttled).isEqualTo(300);
		assertThat(withData).isPositive();
		JsonNode stats = stats(huaweiSimulator);
		assertThat(stats.path("quotaExceeded").asLong()).isZero();
		// The shared bucket: 10 at once, then 90 a minute, whichever replica asks.
		assertThat(stats.path("calls").path("ListUsedDesktopInfo").asLong()).isEqualTo(withData)
			.isLessThanOrEqualTo(10 + (long) Math.ceil(90 * minutes));
	}

	@Test
	@Order(4)
	void aPageAnotherReplicaFetchedStandsInWhenTheVendorFails() throws Exception {
		String status = "{ desktopStatus(accountIds: [\"huawei-demo\"]) { total sources { accountId state fetchedAt } } }";
		JsonNode fresh = JSON.readTree(post(urls.get(0), status, "198.51.100.70").body());
		String fetchedAt = fresh.path("data").path("desktopStatus").path("sources").path(0).path("fetchedAt").asText();
		assertThat(fresh.path("data").path("desktopStatus").path("total").asInt()).isPositive();
		// Past the 5 s that status counts are true, and the vendor failing every call.
		Thread.sleep(5_500);
		simulatorPut(huaweiSimulator, "/_sim/faults", "{\"errorRate\": 1.0}");
		try {
			JsonNode stale = JSON.readTree(post(urls.get(1), status, "198.51.100.71").body());
			JsonNode source = stale.path("data").path("desktopStatus").path("sources").path(0);
			assertThat(source.path("state").asText()).isEqualTo("STALE");
			assertThat(source.path("fetchedAt").asText()).isEqualTo(fetchedAt);
			assertThat(stale.path("data").path("desktopStatus").path("total"))
				.isEqualTo(fresh.path("data").path("desktopStatus").path("total"));
		}
		finally {
			simulatorPut(huaweiSimulator, "/_sim/faults", "{\"errorRate\": 0.0}");
		}
	}

	@Test
	@Order(5)
	void keysAreNamespacedAndNoKeyOrValueCarriesACredential() throws Exception {
		// A cold query just now, so that its rate-limit buckets are there too: they
		// expire
		// once full again.
		assertThat(post(urls.get(0), ranking(lastSaturday().minusWeeks(9)), "198.51.100.80").statusCode())
			.isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<String> keys = (List<String>) redis.command("KEYS", "*");
		assertThat(keys).isNotEmpty().allSatisfy((key) -> assertThat(key).startsWith("deskgraph:v1:"));
		assertThat(keys).anySatisfy((key) -> assertThat(key).startsWith("deskgraph:v1:page:huawei:huawei-demo:"))
			.anySatisfy((key) -> assertThat(key).startsWith("deskgraph:v1:quota:huawei-demo:"))
			.anySatisfy((key) -> assertThat(key).startsWith("deskgraph:v1:client:"));
		for (String key : keys) {
			String value = String.valueOf(redis.command("GET", key));
			for (String secret : List.of("HWDEMOAK00000000000A", "hw-demo-secret-key-for-local-use-only",
					"LTAIdemoAK0000000001", "ali-demo-secret-for-local-use-only", "198.51.100", "203.0.113")) {
				assertThat(key).doesNotContain(secret);
				assertThat(value).doesNotContain(secret);
			}
		}
	}

	@Test
	@Order(6)
	void redisGoingAwayFailsNoQueryAndShowsInHealthThenTheReplicasShareAgain() throws Exception {
		redis.stop();
		for (ConfigurableApplicationContext replica : replicas) {
			awaitShared(replica.getBean(SharedTier.class), false);
		}
		String alone = ranking(lastSaturday().minusWeeks(5));
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> answer = post(urls.get(i), alone, "198.51.100.50");
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain("\"errors\"").contains("\"state\":\"OK\"");
			JsonNode health = JSON.readTree(get(urls.get(i) + "/actuator/health").body());
			assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("DOWN");
			assertThat(get(urls.get(i) + "/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		// Each replica called on its own.
		assertThat(calls(huaweiSimulator, "ListDesktopUsageMetric")).isEqualTo(3);

		redis.restart();
		for (ConfigurableApplicationContext replica : replicas) {
			awaitShared(replica.getBean(SharedTier.class), true);
		}
		resetSimulators();
		String shared = ranking(lastSaturday().minusWeeks(7));
		List<String> answers = concurrently(6, (i) -> post(urls.get(i % 3), shared, "198.51.100.60").body());
		assertThat(answers).containsOnly(answers.get(0));
		assertThat(calls(huaweiSimulator, "ListDesktopUsageMetric")).isEqualTo(1);
		for (String url : urls) {
			JsonNode health = JSON.readTree(get(url + "/actuator/health").body());
			assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
		}
	}

	private static Map<String, String> replicaProperties(int index) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("deskgraph.simulator.enabled", "false");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", String.valueOf(redis.port()));
		properties.put("deskgraph.shared.replicas", "3");
		properties.put("deskgraph.shared.health-interval", "500ms");
		// The tests speak for many clients, as a load balancer in front would.
		properties.put("deskgraph.security.trusted-proxies", "127.0.0.1/32");
		properties.put("spring.application.name", "deskgraph-replica-" + index);
		properties.put("deskgraph.accounts[0].id", "huawei-demo");
		properties.put("deskgraph.accounts[0].vendor", "HUAWEI");
		properties.put("deskgraph.accounts[0].region", "cn-north-4");
		properties.put("deskgraph.accounts[0].endpoint", huaweiSimulator);
		properties.put("deskgraph.accounts[0].project-id", "0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f");
		properties.put("deskgraph.accounts[0].access-key", "HWDEMOAK00000000000A");
		properties.put("deskgraph.accounts[0].secret-key", "hw-demo-secret-key-for-local-use-only");
		properties.put("deskgraph.accounts[1].id", "alibaba-demo");
		properties.put("deskgraph.accounts[1].vendor", "ALIBABA");
		properties.put("deskgraph.accounts[1].region", "cn-shanghai");
		properties.put("deskgraph.accounts[1].endpoint", alibabaSimulator);
		properties.put("deskgraph.accounts[1].access-key", "LTAIdemoAK0000000001");
		properties.put("deskgraph.accounts[1].secret-key", "ali-demo-secret-for-local-use-only");
		return properties;
	}

	private static String ranking(LocalDate day) {
		return "{ usageRanking(range: {from: \"" + day + "\", to: \"" + day + "\"}, first: 5) { totalCount "
				+ "edges { node { rank duration { seconds } } } sources { accountId state fetchedAt } } }";
	}

	/** A weekend day costs one page per vendor (a quiet day of the demo estates). */
	private static LocalDate lastSaturday() {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		while (day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
			day = day.minusDays(1);
		}
		return day;
	}

	private static HttpResponse<String> post(String url, String query, String client) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/graphql"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.timeout(Duration.ofSeconds(40))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void simulatorPost(String baseUrl, String path) throws Exception {
		HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	private static void simulatorPut(String baseUrl, String path, String json) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
	}

	private static JsonNode stats(String baseUrl) throws Exception {
		return JSON.readTree(get(baseUrl + "/_sim/stats").body());
	}

	private static long calls(String baseUrl, String api) throws Exception {
		return stats(baseUrl).path("calls").path(api).asLong();
	}

	private static <T> List<T> concurrently(int count, IndexedCall<T> call) throws Exception {
		// A thread per call: they all start together, as a burst does.
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(threads.submit((Callable<T>) () -> call.call(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void awaitShared(SharedTier tier, boolean up) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (tier.isUp() != up && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(tier.isUp()).as("shared tier up").isEqualTo(up);
	}

	@FunctionalInterface
	private interface IndexedCall<T> {

		T call(int index) throws Exception;

	}

}
