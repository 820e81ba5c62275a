package io.deskgraph.system.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLimitsInstrumentation} and {@link RequestSizeFilter} over HTTP in
 * demo mode.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@ActiveProfiles("unthrottled")
class QueryLimitsTests {

	/** Over a real connection to the running server. */
	private HttpGraphQlTester graphQlTester;

	@LocalServerPort
	private int serverPort;

	@BeforeEach
	void connectGraphQlTester() {
		this.graphQlTester = HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + this.serverPort + "/graphql").build());
	}

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private HuaweiSimulator simulator;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void resetSimulator() {
		WebClient.create(this.simulator.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
	}

	@Test
	void queryDeeperThanMaxDepthIsRejectedBeforeExecution() {
		String usage = "usage(range: $range) { desktop { %s } }";
		String nested = "usage(range: $range) { total { seconds } }";
		for (int i = 0; i < 4; i++) {
			nested = usage.formatted(nested);
		}
		String document = "query($range: DateRange!) { desktopUsage(range: $range, first: 1) { edges { node { desktop { "
				+ nested + " } } } } }";
		this.graphQlTester.document(document).variable("range", lastWeek()).execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage())
					.isEqualTo("Query depth 15 exceeds the maximum of 12 (deskgraph.limits.max-depth)");
				assertThat(error.getExtensions()).containsEntry("limit", "maxDepth")
					.containsEntry("max", 12)
					.containsEntry("actual", 15);
			});
		}).path("$.data").pathDoesNotExist();
		assertThat(upstreamCalls()).isZero();
	}

	@Test
	void deepIntrospectionIsLeftToTheIntrospectionSwitch() {
		String ofType = "name";
		for (int i = 0; i < 8; i++) {
			ofType = "name ofType { " + ofType + " }";
		}
		this.graphQlTester.document("{ __schema { types { name fields { name type { " + ofType + " } } } } }")
			.execute()
			.path("__schema.types")
			.entityList(Object.class)
			.hasSizeGreaterThan(10);
	}

	@Test
	void queryWithTooManyAliasesIsRejected() {
		String document = IntStream.range(0, 31)
			.mapToObj((i) -> "a" + i + ": accounts { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		this.graphQlTester.document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage())
					.isEqualTo("Query alias count 31 exceeds the maximum of 30 (deskgraph.limits.max-aliases)");
				assertThat(error.getExtensions()).containsEntry("limit", "maxAliases")
					.containsEntry("max", 30)
					.containsEntry("actual", 31);
			});
		});
	}

	@Test
	void aliasesWithinTheLimitAnswer() {
		String document = IntStream.range(0, 30)
			.mapToObj((i) -> "a" + i + ": accounts { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		this.graphQlTester.document(document).execute().path("a29[*].id").entityList(String.class).hasSize(2);
	}

	@Test
	void fullPagesFannedOutWithNestedUsageExceedTheCost() {
		// Each: 1 + 500 x 2 accounts + 500 x (edges node desktop usage total seconds
		// points date duration
		// seconds = 10) = 6001
		String document = """
				query($range: DateRange!) {
				  usageRanking(range: $range, first: 500) {
				    edges { node { desktop { usage(range: $range) { total { seconds } points { date duration { seconds } } } } } }
				  }
				  desktopUsage(range: $range, first: 500) {
				    edges { node { desktop { id } total { seconds } points { date duration { seconds } } } }
				  }
				}""";
		this.graphQlTester.document(document).variable("range", lastWeek()).execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage())
					.isEqualTo("Query cost 12002 exceeds the maximum of 10000 (deskgraph.limits.max-cost)");
				assertThat(error.getExtensions()).containsEntry("limit", "maxCost")
					.containsEntry("max", 10000)
					.containsEntry("actual", 12002);
			});
		}).path("$.data").pathDoesNotExist();
		assertThat(upstreamCalls()).isZero();
	}

	@Test
	void costCountsOnlyTheAccountsTheArgumentsSelect() {
		// Each: 1 + 500 x 1 account + 500 x 10 = 5501, where two accounts would cost
		// 6001.
		String document = """
				query($range: DateRange!, $ids: [ID!]) {
				  a: desktopUsage(range: $range, accountIds: $ids, first: 500) {
				    edges { node { desktop { id } total { seconds } points { date duration { seconds } } } }
				  }
				  b: desktopUsage(range: $range, vendors: [HUAWEI], first: 500) {
				    edges { node { desktop { id } total { seconds } points { date duration { seconds } } } }
				  }
				}""";
		this.graphQlTester.document(document)
			.variable("range", lastWeek())
			.variable("ids", List.of("huawei-demo"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("actual", 11002)));
	}

	@Test
	void fullPageWithPagingAndSourcesAnswers() {
		// 1 + 500 x 2 + 500 x (edges cursor node total seconds = 5) + pageInfo
		// hasNextPage + sources state = 3505
		this.graphQlTester
			.document("query($range: DateRange!) { desktopUsage(range: $range, first: 500) { "
					+ "edges { cursor node { total { seconds } } } pageInfo { hasNextPage } sources { state } } }")
			.variable("range", lastWeek())
			.execute()
			.path("desktopUsage.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "OK");
	}

	@Test
	void aCachedDocumentIsMeasuredAgainWithEachRequestsVariables() {
		String document = """
				query($range: DateRange!, $first: Int) {
				  usageRanking(range: $range, first: $first) {
				    edges { node { desktop { usage(range: $range) { total { seconds } points { date duration { seconds } } } } } }
				  }
				  desktopUsage(range: $range, first: $first) {
				    edges { node { desktop { id } total { seconds } points { date duration { seconds } } } }
				  }
				}""";
		for (int round = 0; round < 2; round++) {
			this.graphQlTester.document(document)
				.variable("range", lastWeek())
				.variable("first", 5)
				.execute()
				.errors()
				.verify();
			this.graphQlTester.document(document)
				.variable("range", lastWeek())
				.variable("first", 500)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
					assertThat(error.getExtensions()).containsEntry("limit", "maxCost").containsEntry("actual", 12002);
				}));
		}
	}

	@Test
	void eachDistinctDocumentIsParsedOnce() {
		// Another operation of the document each time, so that no result comes from the
		// response cache.
		String document = IntStream.range(0, 5)
			.mapToObj((i) -> "query Parsed" + i + " { accounts { id vendor } }")
			.collect(Collectors.joining("\n"));
		double misses = documentCacheGets("miss");
		double hits = documentCacheGets("hit");
		for (int i = 0; i < 5; i++) {
			this.graphQlTester.document(document)
				.operationName("Parsed" + i)
				.execute()
				.path("accounts[*].id")
				.entityList(String.class)
				.hasSize(2);
		}
		assertThat(documentCacheGets("miss") - misses).isEqualTo(1);
		assertThat(documentCacheGets("hit") - hits).isEqualTo(4);
	}

	private double documentCacheGets(String result) {
		return this.meters.get("deskgraph.document.cache.requests").tag("result", result).functionCounter().count();
	}

	@Test
	void ordinaryDashboardQueryAnswers() throws IOException {
		String document = new ClassPathResource("static/examples/dashboard.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		this.graphQlTester.document(document)
			.operationName("TopDesktopsThisMonth")
			.variable("month", range(today().minusDays(29), today().minusDays(1)))
			.variable("lastWeek", lastWeek())
			.variable("first", 100)
			.execute()
			.errors()
			.verify()
			.path("usageRanking.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "OK");
	}

	@Test
	void bodyOverMaxRequestBytesByContentLengthGets413() {
		String body = "{\"query\":\"{ accounts { id } }" + " ".repeat(70_000) + "\"}";
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("Request body of " + body.length() + " bytes exceeds the maximum of 65536 bytes "
					+ "(deskgraph.limits.max-request-bytes)")
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.limit")
			.isEqualTo("maxRequestBytes")
			.jsonPath("$.errors[0].extensions.max")
			.isEqualTo(65536)
			.jsonPath("$.errors[0].extensions.actual")
			.isEqualTo(body.length());
	}

	@Test
	void streamedBodyOverMaxRequestBytesGets413() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux
			.concat(Flux.just("{\"query\":\"{ accounts { id } }"), Flux.range(0, 70).map((i) -> " ".repeat(1000)),
					Flux.just("\"}"))
			.map((text) -> factory.wrap(text.getBytes(StandardCharsets.UTF_8)));
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("Request body exceeds the maximum of 65536 bytes (deskgraph.limits.max-request-bytes)")
			.jsonPath("$.errors[0].extensions.limit")
			.isEqualTo("maxRequestBytes");
	}

	@Test
	void bodyWithinMaxRequestBytesAnswers() {
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }" + " ".repeat(60_000) + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.accounts[*].id")
			.isEqualTo(List.of("huawei-demo", "alibaba-demo"));
	}

	private long upstreamCalls() {
		Map<String, Object> stats = WebClient.create(this.simulator.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		return (calls != null) ? calls.values().stream().mapToLong(Number::longValue).sum() : 0;
	}

	private LocalDate today() {
		return this.simulator.estate().today();
	}

	private Map<String, Object> lastWeek() {
		return range(today().minusDays(7), today().minusDays(1));
	}

	private static Map<String, Object> range(LocalDate from, LocalDate to) {
		return Map.of("from", from.toString(), "to", to.toString());
	}

}
