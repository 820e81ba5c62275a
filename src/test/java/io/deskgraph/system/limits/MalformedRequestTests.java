package io.deskgraph.system.limits;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.system.LogEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GraphQlHttpRequestFilter}, {@link GraphQlRequestReader} and
 * {@link GraphQlHttpExceptionHandler} over real HTTP: every malformed request to the
 * GraphQL endpoint gets its HTTP status and a GraphQL-shaped JSON error saying what to
 * send, and is logged in one line without a stack trace.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@ActiveProfiles("unthrottled")
class MalformedRequestTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	private static final String JSON = "application/json";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	private LogEvents logs;

	@BeforeEach
	void captureLogs() {
		this.logs = LogEvents.capture();
	}

	@AfterEach
	void stopCapturing() {
		this.logs.close();
	}

	@Test
	void emptyBodyIs400NamingTheMissingQuery() throws Exception {
		assertRejected(post("/graphql", JSON, ""), 400)
			.startsWith("Request body is empty: send a JSON object with the GraphQL document as a \"query\" string");
	}

	@Test
	void jsonNullBodyIs400NamingTheMissingQuery() throws Exception {
		assertRejected(post("/graphql", JSON, "null"), 400)
			.startsWith("Request body is JSON null: send a JSON object with the GraphQL document as a \"query\"");
	}

	@Test
	void jsonArrayIs400BecauseBatchingIsNotSupported() throws Exception {
		assertRejected(post("/graphql", JSON, "[{\"query\":\"{ accounts { id } }\"}]"), 400)
			.isEqualTo("Batched requests (a JSON array) are not supported: send one JSON object with a \"query\" "
					+ "string per request");
	}

	@Test
	void objectWithoutQueryIs400NamingQuery() throws Exception {
		assertRejected(post("/graphql", JSON, "{\"operationName\":\"Accounts\",\"variables\":{}}"), 400)
			.startsWith("Request body has no \"query\": ");
	}

	@Test
	void unparseableJsonIs400NamingWhereItBroke() throws Exception {
		assertRejected(post("/graphql", JSON, "{\"query\": {{"), 400)
			.startsWith("Request body is not valid JSON (line 1, column 12): ");
		assertRejected(post("/graphql", JSON, "{\"query\":\"{ accounts { id } }\"} trailing"), 400)
			.startsWith("Request body is not valid JSON");
	}

	@Test
	void membersOfTheWrongTypeAre400NamingTheMember() throws Exception {
		assertRejected(post("/graphql", JSON, "{\"query\":5}"), 400)
			.isEqualTo("\"query\" must be a string, not a JSON number");
		assertRejected(post("/graphql", JSON, "{\"query\":\"{ accounts { id } }\",\"variables\":[1]}"), 400)
			.isEqualTo("\"variables\" must be a JSON object, not a JSON array");
		assertRejected(post("/graphql", JSON, "{\"query\":\"{ accounts { id } }\",\"operationName\":{}}"), 400)
			.isEqualTo("\"operationName\" must be a string, not a JSON object");
		assertRejected(post("/graphql", JSON, "\"{ accounts { id } }\""), 400)
			.startsWith("Request body is a JSON string, not an object: ");
	}

	@Test
	void applicationGraphqlIs415SayingToSendJsonWithoutSpringsFallbackLogging() throws Exception {
		HttpResponse<String> response = post("/graphql", "application/graphql", "{ accounts { id } }");
		assertRejected(response, 415).startsWith("Content-Type application/graphql is not supported")
			.contains("send a POST with Content-Type application/json");
		assertThat(response.headers().firstValue("Accept")).hasValue(JSON);
		assertThat(this.logs.all()).noneMatch((event) -> event.getLoggerName().startsWith("reactor."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
	void otherContentTypesAre415(String contentType) throws Exception {
		assertRejected(post("/graphql", contentType, "{\"query\":\"{ accounts { id } }\"}"), 415)
			.contains("is not supported: send a POST with Content-Type application/json");
	}

	@Test
	void missingContentTypeIs415() throws Exception {
		HttpRequest request = request("/graphql")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ accounts { id } }\"}"))
			.build();
		assertRejected(send(request), 415).startsWith("Content-Type is missing: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql", "/%67raphql" })
	void otherMethodsAre405AllowingPost(String path) throws Exception {
		for (String method : new String[] { "GET", "PUT", "DELETE", "PATCH" }) {
			HttpResponse<String> response = send(request(path).header("Content-Type", JSON)
				.method(method, HttpRequest.BodyPublishers.ofString("{\"query\":\"{ accounts { id } }\"}"))
				.build());
			assertRejected(response, 405)
				.startsWith("HTTP method " + method + " is not supported by the GraphQL endpoint: send a POST");
			assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		}
	}

	@Test
	void acceptHeaderTheEndpointCannotAnswerIs406() throws Exception {
		HttpResponse<String> response = send(request("/graphql").header("Content-Type", JSON)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ accounts { id } }\"}"))
			.build());
		assertRejected(response, 406)
			.endsWith("accept application/json or application/graphql-response+json " + "(text/event-stream for SSE)");
	}

	@Test
	void serverSentEventsRequestsGetTheSameChecks() throws Exception {
		for (String body : new String[] { "", "null", "{\"query\":" }) {
			HttpResponse<String> response = send(request("/graphql").header("Content-Type", JSON)
				.header("Accept", "text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			assertRejected(response, 400).contains("send a JSON object with the GraphQL document as a \"query\"");
		}
	}

	@Test
	void wellFormedRequestsAreStillExecuted() throws Exception {
		HttpResponse<String> response = post("/graphql", "application/json; charset=utf-8",
				"{\"query\":\"query Accounts($ids: [ID!]) { accounts { id } desktopStatus(accountIds: $ids) { total } }\","
						+ "\"operationName\":\"Accounts\",\"variables\":{\"ids\":[\"huawei-demo\"]},\"extensions\":null}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode data = mapper.readTree(response.body()).path("data");
		assertThat(data.path("accounts").size()).isEqualTo(2);
		assertThat(data.path("desktopStatus").path("total").isInt()).isTrue();
	}

	@Test
	void persistedQueryHashWithoutQueryStillReachesThePersistedQuerySupport() throws Exception {
		HttpResponse<String> response = post("/graphql", JSON, "{\"extensions\":{\"persistedQuery\":{\"version\":1,"
				+ "\"sha256Hash\":\"" + "ab".repeat(32) + "\"}}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mapper.readTree(response.body()).at("/errors/0/extensions/code").asText())
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	private org.assertj.core.api.AbstractStringAssert<?> assertRejected(HttpResponse<String> response, int status)
			throws IOException {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
		assertThat(response.body()).doesNotContain("java.", "Exception", "reactor.", "springframework");
		JsonNode errors = mapper.readTree(response.body()).path("errors");
		assertThat(errors.size()).isOne();
		assertThat(mapper.convertValue(errors.get(0), Map.class)).containsOnlyKeys("message", "extensions");
		assertThat(errors.get(0).path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
		String message = errors.get(0).path("message").asText();
		// One INFO line, the same message, and nothing else at WARN or above.
		assertThat(this.logs.of(RejectedRequests.class)).last().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.INFO);
			assertThat(event.getFormattedMessage()).startsWith("HTTP request rejected status=" + status + " method=");
		});
		assertThat(this.logs.errorsOrStackTraces()).isEmpty();
		assertThat(this.logs.all()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN));
		return assertThat(message);
	}

	private HttpResponse<String> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		int before = this.logs.of(RejectedRequests.class).size();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 400) {
			assertThat(this.logs.of(RejectedRequests.class)).as("one log line per rejected request")
				.hasSize(before + 1);
		}
		return response;
	}

}
