package io.deskgraph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.connector.VendorQuotaLimiter;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.system.LogEvents;
import io.deskgraph.system.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests DeskGraph against hostile and careless clients over real HTTP, with the limits,
 * quotas and deadlines of a production setup (authentication required, introspection
 * off): the attacks of the OWASP GraphQL cheat sheet (introspection, field suggestions,
 * depth, aliases, field duplication, directives, batching, circular fragments, cost,
 * injection, CSRF), the requests that once hurt everyone (huge date ranges, forged
 * cursors, malformed federation representations, oversized, stalled and aborted bodies,
 * log forging) and brute-forced keys.
 * <p>
 * Each case is sent once and must get its expected HTTP status and error classification,
 * never a stack trace or a Java class name in the body, and at most one log line, never
 * one with a stack trace. Then copies run six at a time while a benign client with its
 * own key asks for its accounts nine times: its median latency must stay within twice its
 * median just before (with 20 ms of allowance, as scheduling noise on a busy two-core
 * machine alone reaches that).
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.limits.introspection-enabled=false", "deskgraph.security.trusted-proxies=127.0.0.1",
				// Short enough that a stalled body does not hold the suite for long.
				"deskgraph.limits.body-read-timeout=2s" })
class HostileInputTests {

	static final String ATTACKER_KEY = "attacker-5e1f0c3a9b8d7e6f5a4b3c2d1e0f9a8b";

	static final String BENIGN_KEY = "dashboard-0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d";

	/** More than the cases below; each gets its own key and address. */
	static final int CASES = 60;

	private static final Duration BENIGN_PACE = Duration.ofMillis(70);

	/** Received when the server closed the connection without an answer. */
	private static final int CLOSED = 0;

	private static final Pattern LEAK = Pattern
		.compile("\\b(java|javax|jdk|sun|reactor|io\\.netty|org\\.springframework|com\\.fasterxml)\\.[a-z]"
				+ "|Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient attackers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final HttpClient benign = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private UpstreamExecutor upstream;

	@Autowired
	private VendorQuotaLimiter quotas;

	@BeforeEach
	void freshCachesAndQuota() {
		this.upstream.invalidateAll();
		this.quotas.reset();
	}

	@TestFactory
	Stream<DynamicTest> hostileRequestsAreRefusedCleanlyWithoutHurtingOthers() {
		List<Attack> cases = cases();
		assertThat(cases).hasSizeLessThanOrEqualTo(CASES);
		return IntStream.range(0, cases.size())
			.mapToObj((i) -> cases.get(i).asClient(i))
			.map((attack) -> DynamicTest.dynamicTest(attack.name(), () -> run(attack)));
	}

	/**
	 * One key per case, so that the per-client request limit of one case does not refuse
	 * the next case's requests.
	 */
	@DynamicPropertySource
	static void attackerKeys(DynamicPropertyRegistry registry) {
		// A list binds from one property source only: every key is given here.
		registry.add("deskgraph.security.api-keys[0].name", () -> "attacker");
		registry.add("deskgraph.security.api-keys[0].key", () -> ATTACKER_KEY);
		registry.add("deskgraph.security.api-keys[1].name", () -> "dashboard");
		registry.add("deskgraph.security.api-keys[1].key", () -> BENIGN_KEY);
		for (int i = 0; i < CASES; i++) {
			int index = i;
			registry.add("deskgraph.security.api-keys[" + (index + 2) + "].name", () -> "attacker-" + index);
			registry.add("deskgraph.security.api-keys[" + (index + 2) + "].key", () -> attackerKey(index));
		}
	}

	static String attackerKey(int index) {
		return ATTACKER_KEY + "-" + index;
	}

	private List<Attack> cases() {
		LocalDate today = this.huawei.estate().today();
		String desktop = "huawei:huawei-demo:" + this.huawei.estate().desktops().get(0).id();
		String week = "{from: \"" + today.minusDays(7) + "\", to: \"" + today.minusDays(1) + "\"}";
		List<Attack> attacks = new ArrayList<>();
		// OWASP: introspection and field suggestions with introspection disabled.
		attacks.add(graphql("introspection of the schema", "{ __schema { types { name fields { name } } } }",
				"BAD_REQUEST"));
		attacks.add(graphql("introspection of one type", "{ __type(name: \"Desktop\") { fields { name } } }",
				"BAD_REQUEST"));
		attacks.add(graphql("federation SDL without a federation key", "{ _service { sdl } }", "FORBIDDEN"));
		attacks.add(graphql("field suggestions", "{ accountz { id } }", "ValidationError")
			.and((body) -> assertThat(body).doesNotContain("Did you mean").doesNotContain("accounts")));
		// OWASP: denial of service by depth, aliases, duplication, directives, fragments.
		String nested = "desktop { id }";
		for (int level = 0; level < 6; level++) {
			nested = "desktop { usage(range: " + week + ") { " + nested + " } }";
		}
		attacks.add(graphql("depth bomb",
				"{ desktopUsage(range: " + week + ", first: 1) { edges { node { " + nested + " } } } }", "BAD_REQUEST")
			.and((body) -> assertThat(body).contains("maxDepth")));
		attacks.add(graphql("five hundred aliases of __typename", "{ "
				+ IntStream.range(0, 500).mapToObj((i) -> "a" + i + ": __typename").collect(Collectors.joining(" "))
				+ " }", "BAD_REQUEST")
			.and((body) -> assertThat(body).contains("maxAliases")));
		attacks.add(graphql("aliased expensive rankings",
				"{ " + IntStream.range(0, 20)
					.mapToObj((i) -> "r" + i + ": usageRanking(range: {from: \"" + today.minusDays(20 + i)
							+ "\", to: \"" + today.minusDays(1) + "\"}, first: 500) { totalCount }")
					.collect(Collectors.joining(" ")) + " }",
				"BAD_REQUEST"));
		attacks.add(graphql("field duplication", "{ accounts { " + "id ".repeat(5000) + "} }", "BAD_REQUEST")
			.and((body) -> assertThat(body).contains("maxFields")));
		attacks.add(graphql("fragments doubling thirty times",
				"query { ...F0 } " + IntStream.range(0, 30)
					.mapToObj((i) -> "fragment F" + i + " on Query { ...F" + (i + 1) + " ...F" + (i + 1) + " }")
					.collect(Collectors.joining(" ")) + " fragment F30 on Query { __typename }",
				"BAD_REQUEST")
			.and((body) -> assertThat(body).contains("maxFields")));
		attacks.add(graphql("directive overloading", "{ __typename " + "@include(if: true) ".repeat(1000) + "}",
				"ValidationError"));
		attacks.add(graphql("circular fragments",
				"query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "ValidationError"));
		attacks.add(graphql("page size of a million",
				"{ usageRanking(range: " + week + ", first: 1000000) { totalCount } }", "BAD_REQUEST"));
		attacks.add(json(
				"integer overflow in a variable", "{\"query\":\"query($f: Int) { usageRanking(range: " + escape(week)
						+ ", first: $f) { totalCount } }\"," + "\"variables\":{\"f\":99999999999}}",
				200, "ValidationError"));
		// Vendor work a client chooses.
		attacks
			.add(graphql("range from the beginning of time", "{ desktopUsage(range: {from: \"-999999999-01-01\", to: \""
					+ today + "\"}, vendors: [HUAWEI], first: 1) { totalCount } }", "BAD_REQUEST"));
		attacks.add(json("range from the beginning of time through federation",
				"{\"query\":\"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { usage(range: "
						+ "{from: \\\"-999999999-01-01\\\", to: \\\"" + today + "\\\"}) { total { seconds } } } } }\","
						+ "\"variables\":{\"r\":[{\"__typename\":\"Desktop\",\"id\":\"" + desktop + "\"}]}}",
				200, "BAD_REQUEST"));
		attacks.add(graphql("daily points of 75 days on both clouds",
				"{ desktopUsage(range: {from: \"" + today.minusDays(75) + "\", to: \"" + today.minusDays(1)
						+ "\"}, first: 5) { edges { node { points { date } } } } }",
				"BAD_REQUEST")
			.and((body) -> assertThat(body).contains("maxUpstreamCalls")));
		attacks.add(graphql("forged cursor with a huge offset",
				"{ usageRanking(range: " + week + ", first: 2, after: \"" + forgedCursor(week) + "\") { totalCount } }",
				"BAD_REQUEST"));
		attacks.add(graphql("garbage cursor",
				"{ usageRanking(range: " + week + ", first: 2, after: \"%%%\") { totalCount } }", "BAD_REQUEST"));
		// Federation representations.
		attacks
			.add(entities("representation of an unknown type", "{\"__typename\":\"Foo\",\"id\":\"x\"}", "BAD_REQUEST"));
		attacks
			.add(entities("representation without an id", "{\"__typename\":\"Desktop\",\"id\":null}", "BAD_REQUEST"));
		attacks.add(entities("representation that is a string", "\"abc\"", "BAD_REQUEST"));
		// Injection and hostile strings.
		attacks.add(graphql("injection in an account id",
				"{ usageRanking(range: " + week + ", accountIds: [\"' OR '1'='1\"]) { totalCount } }", "BAD_REQUEST"));
		attacks
			.add(json("log forging in the operation name",
					"{\"query\":\"{ __typename }\",\"operationName\":\"x\\nERROR forged line " + "A".repeat(50_000)
							+ "\"}",
					200, "ValidationError")
				.and((body) -> assertThat(body.length()).isLessThan(200_000)));
		// Persisted queries.
		attacks.add(json("persisted query with an unknown hash",
				"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "a".repeat(64) + "\"}}}", 200,
				"PERSISTED_QUERY_NOT_FOUND"));
		attacks.add(json("persisted query whose hash does not match",
				"{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
						+ "b".repeat(64) + "\"}}}",
				200, "BAD_REQUEST"));
		// Transport: batching, malformed bodies, content types, CSRF, size.
		attacks.add(json("batched operations", "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]", 400,
				"BAD_REQUEST"));
		attacks.add(json("empty body", "", 400, "BAD_REQUEST"));
		attacks.add(json("null body", "null", 400, "BAD_REQUEST"));
		attacks.add(json("unparseable JSON", "{\"query\": ", 400, "BAD_REQUEST"));
		attacks.add(json("variables nested five thousand deep",
				"{\"query\":\"{ __typename }\",\"variables\":{\"v\":" + "[".repeat(5000) + "]".repeat(5000) + "}}", 400,
				"BAD_REQUEST"));
		attacks.add(http("application/graphql body", "POST", "/graphql", "application/graphql", "{ __typename }", 415,
				"BAD_REQUEST"));
		attacks.add(http("form post (CSRF)", "POST", "/graphql", "application/x-www-form-urlencoded",
				"query=%7B__typename%7D", 415, "BAD_REQUEST"));
		attacks.add(http("query in a GET (CSRF)", "GET", "/graphql?query=%7B__typename%7D", null, null, 405,
				"BAD_REQUEST"));
		attacks.add(http("oversized body on an encoded path", "POST", "/%67raphql", "application/json",
				"{\"query\":\"{ __typename }\",\"pad\":\"" + "x".repeat(200_000) + "\"}", 413, "BAD_REQUEST"));
		attacks.add(raw("stalled body", (connection) -> {
			connection.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "X-API-Key: " + attackerKey(0) + "\r\nContent-Length: 1000\r\n\r\n{\"query\":");
			assertThat(connection.closedWithin(Duration.ofSeconds(8))).as("connection closed").isTrue();
		}));
		attacks.add(raw("client gone mid-body", (connection) -> {
			connection.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "X-API-Key: " + attackerKey(1) + "\r\nContent-Length: 1000\r\n\r\n{\"query\":\"{ acc");
		}));
		// Authentication.
		attacks.add(http("no key", "POST", "/graphql", "application/json", "{\"query\":\"{ accounts { id } }\"}", 401,
				"unauthorized")
			.withKey(null));
		attacks.add(
				http("brute-forced keys", "POST", "/graphql", "application/json", "{\"query\":\"{ accounts { id } }\"}",
						401, "unauthorized")
					.withKey("guess-0000000000000000000000000000")
					.orStatus(429, "rate_limited"));
		return attacks;
	}

	private void run(Attack attack) throws Exception {
		Reply first;
		List<ILoggingEvent> logged;
		try (LogEvents events = LogEvents.capture()) {
			first = send(attack);
			// A rejected connection may log as it closes, just after the answer.
			Thread.sleep(150);
			logged = events.all()
				.stream()
				.filter((event) -> !event.getLoggerName().startsWith("io.deskgraph.simulator"))
				.toList();
		}
		attack.check(first);
		assertThat(logged).as("log lines of one %s", attack.name()).hasSizeLessThanOrEqualTo(1);
		assertThat(logged).as("stack traces").allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNull());
		assertThat(logged).as("forged lines")
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain("\n").hasSizeLessThan(2000));
		Duration normal = median(benignSamples(10));
		// Six copies, and six more as soon as they are done (more would pass the
		// attacker's
		// own request limit), while the benign client takes enough samples for a stable
		// median.
		List<CompletableFuture<Reply>> copies = new ArrayList<>();
		List<Duration> during = new ArrayList<>();
		while (during.size() < 9) {
			if (copies.size() < 12 && copies.stream().allMatch(CompletableFuture::isDone)) {
				IntStream.range(0, 6)
					.mapToObj((i) -> CompletableFuture.supplyAsync(() -> sendUnchecked(attack)))
					.forEach(copies::add);
			}
			during.addAll(benignSamples(1));
		}
		for (CompletableFuture<Reply> copy : copies) {
			attack.check(copy.join());
		}
		Duration allowed = max(normal.multipliedBy(2), normal.plusMillis(20));
		assertThat(median(during)).as("benign latency while six '%s' run (normal %s)", attack.name(), normal)
			.isLessThanOrEqualTo(allowed);
	}

	private List<Duration> benignSamples(int count) throws IOException, InterruptedException {
		List<Duration> samples = new ArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("X-API-Key", BENIGN_KEY)
			.header("X-Forwarded-For", "198.51.100.7")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ accounts { id } }\"}"))
			.build();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = this.benign.send(request, HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			samples.add(took);
			// A dashboard's pace, within the per-client limit of 20 requests a second.
			Thread.sleep(Math.max(0, BENIGN_PACE.minus(took).toMillis()));
			assertThat(response.statusCode()).as("benign client: %s", response.body()).isEqualTo(200);
			assertThat(response.body()).contains("huawei-demo").doesNotContain("errors");
		}
		return samples;
	}

	private Reply sendUnchecked(Attack attack) {
		try {
			return send(attack);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Reply send(Attack attack) throws Exception {
		if (attack.raw() != null) {
			try (RawHttp connection = RawHttp.connect(this.port)) {
				attack.raw().accept(connection);
			}
			return new Reply(CLOSED, "");
		}
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + attack.path()))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", "203.0.113." + (attack.client() + 1));
		String key = ATTACKER_KEY.equals(attack.key()) ? attackerKey(attack.client()) : attack.key();
		if (key != null) {
			request.header("X-API-Key", key);
		}
		if (attack.contentType() != null) {
			request.header("Content-Type", attack.contentType());
		}
		request.method(attack.method(), (attack.body() != null) ? HttpRequest.BodyPublishers.ofString(attack.body())
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.attackers.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.body());
	}

	/**
	 * A cursor DeskGraph could have issued for the same query, whose checksums an
	 * attacker recomputed after raising its offsets.
	 */
	private String forgedCursor(String week) {
		String real;
		try {
			Reply reply = send(
					graphql("", "{ usageRanking(range: " + week + ", first: 2) { pageInfo { endCursor } } }", null));
			real = JSON.readTree(reply.body()).at("/data/usageRanking/pageInfo/endCursor").asText();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		String text = new String(Base64.getUrlDecoder().decode(real), StandardCharsets.UTF_8);
		String body = text.substring(0, text.lastIndexOf(';') + 1).replaceAll("=\\d+;", "=900000000000000;");
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((body + Long.toHexString(crc.getValue())).getBytes(StandardCharsets.UTF_8));
	}

	private static Attack graphql(String name, String query, String classification) {
		try {
			return json(name, JSON.writeValueAsString(Map.of("query", query)), 200, classification);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Attack entities(String name, String representation, String classification) {
		return json(name,
				"{\"query\":\"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id } } }\","
						+ "\"variables\":{\"r\":[" + representation + "]}}",
				200, classification);
	}

	private static Attack json(String name, String body, int status, String classification) {
		return http(name, "POST", "/graphql", "application/json", body, status, classification);
	}

	private static Attack http(String name, String method, String path, String contentType, String body, int status,
			String classification) {
		return new Attack(name, method, path, contentType, body, ATTACKER_KEY, null, Set.of(status),
				(classification != null) ? Set.of(classification) : Set.of(), null, 0);
	}

	private static Attack raw(String name, ThrowingConsumer<RawHttp> script) {
		return new Attack(name, null, null, null, null, null, script, Set.of(CLOSED), Set.of(), null, 0);
	}

	private static String escape(String graphql) {
		return graphql.replace("\"", "\\\"");
	}

	private static Duration median(List<Duration> samples) {
		List<Duration> sorted = samples.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * One hostile request and what DeskGraph must answer to it.
	 *
	 * @param name what the attack is
	 * @param method the HTTP method
	 * @param path the request path, as sent
	 * @param contentType the Content-Type header, or {@code null}
	 * @param body the body, or {@code null}
	 * @param key the API key sent, or {@code null}
	 * @param raw a socket script instead of an HTTP request
	 * @param statuses the acceptable HTTP statuses ({@link #CLOSED}: no answer)
	 * @param classifications the acceptable error classifications (empty: no error)
	 * @param extra a further check of the body
	 */
	private record Attack(String name, String method, String path, String contentType, String body, String key,
			ThrowingConsumer<RawHttp> raw, Set<Integer> statuses, Set<String> classifications, Consumer<String> extra,
			int client) {

		Attack and(Consumer<String> check) {
			return new Attack(this.name, this.method, this.path, this.contentType, this.body, this.key, this.raw,
					this.statuses, this.classifications, check, this.client);
		}

		Attack withKey(String otherKey) {
			return new Attack(this.name, this.method, this.path, this.contentType, this.body, otherKey, this.raw,
					this.statuses, this.classifications, this.extra, this.client);
		}

		Attack asClient(int index) {
			return new Attack(this.name, this.method, this.path, this.contentType, this.body, this.key, this.raw,
					this.statuses, this.classifications, this.extra, index);
		}

		Attack orStatus(int status, String classification) {
			return new Attack(this.name, this.method, this.path, this.contentType, this.body, this.key, this.raw,
					Stream.concat(this.statuses.stream(), Stream.of(status)).collect(Collectors.toSet()),
					Stream.concat(this.classifications.stream(), Stream.of(classification)).collect(Collectors.toSet()),
					this.extra, this.client);
		}

		void check(Reply reply) throws IOException {
			assertThat(reply.status()).as("HTTP status of %s: %s", this.name, abbreviated(reply.body()))
				.isIn(this.statuses);
			assertThat(reply.body()).as("leaks in the answer to %s", this.name).doesNotContainPattern(LEAK);
			if (reply.status() == CLOSED) {
				return;
			}
			String classification = classification(reply.body());
			if (this.classifications.isEmpty()) {
				assertThat(classification).as("error of %s: %s", this.name, abbreviated(reply.body())).isNull();
			}
			else {
				assertThat(classification).as("classification of %s: %s", this.name, abbreviated(reply.body()))
					.isIn(this.classifications);
			}
			if (this.extra != null) {
				this.extra.accept(reply.body());
			}
		}

		private static String classification(String body) throws IOException {
			if (body.isEmpty()) {
				return null;
			}
			var json = JSON.readTree(body);
			if (json.has("errors") && json.get("errors").size() > 0) {
				var extensions = json.get("errors").get(0).get("extensions");
				if (extensions != null && extensions.has("code")) {
					return extensions.get("code").asText();
				}
				return (extensions != null && extensions.has("classification"))
						? extensions.get("classification").asText() : "UNCLASSIFIED";
			}
			return json.has("error") ? json.get("error").asText() : null;
		}

		private static String abbreviated(String body) {
			return (body.length() > 500) ? body.substring(0, 500) + "…" : body;
		}

	}

	/**
	 * An answer: HTTP status ({@link #CLOSED} when none came) and body.
	 */
	private record Reply(int status, String body) {
	}

	/**
	 * A step of a raw socket script.
	 */
	@FunctionalInterface
	private interface ThrowingConsumer<T> {

		void accept(T value) throws IOException;

	}

}
