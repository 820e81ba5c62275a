package io.deskgraph.system.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.system.LogEvents;
import io.deskgraph.system.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestSizeFilter} over real HTTP: the body limit holds on every path
 * and every spelling of it, for announced and for streamed bodies.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@ActiveProfiles("unthrottled")
class RequestSizeLimitTests {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/graphql", "/%67raphql", "/graphq%6c" })
	void announcedBodyOverTheLimitIs413WhateverTheSpellingOfTheGraphQlPath(String path) throws Exception {
		for (int size : new int[] { 200_000, 300_000 }) {
			HttpResponse<String> response = post(path, HttpRequest.BodyPublishers.ofByteArray(query(size)));
			assertThat(response.statusCode()).isEqualTo(413);
			JsonNode error = singleError(response);
			assertThat(error.path("message").asText()).isEqualTo("Request body of " + size
					+ " bytes exceeds the maximum of 65536 bytes (deskgraph.limits.max-request-bytes)");
			assertThat(error.path("extensions").path("limit").asText()).isEqualTo("maxRequestBytes");
			assertThat(error.path("extensions").path("actual").asInt()).isEqualTo(size);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql", "/%67raphql", "/graphq%6c" })
	void chunkedBodyOverTheLimitIs413WhateverTheSpellingOfTheGraphQlPath(String path) throws Exception {
		HttpResponse<String> response = post(path, chunked(query(200_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(singleError(response).path("message").asText())
			.isEqualTo("Request body exceeds the maximum of 65536 bytes (deskgraph.limits.max-request-bytes)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/graphiql", "/no-such-page" })
	void announcedBodyOverTheLimitIs413OnEveryOtherPathToo(String path) throws Exception {
		assertThat(post(path, HttpRequest.BodyPublishers.ofByteArray(query(100_000))).statusCode()).isEqualTo(413);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/no-such-page" })
	void endlessBodyThatNoHandlerReadsIsAnsweredAndCutOffNotDrained(String path) throws IOException {
		try (RawHttp connection = RawHttp.connect(this.port)) {
			connection.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n");
			String chunk = Integer.toHexString(1000) + "\r\n" + "x".repeat(1000) + "\r\n";
			connection.send(chunk.repeat(10));
			RawHttp.Response response = connection.read(Duration.ofSeconds(10));
			assertThat(response.status()).isIn(404, 405);
			assertThat(response.headers()).containsEntry("connection", "close");
			assertThat(connection.closedWithin(Duration.ofSeconds(10))).isTrue();
		}
	}

	@Test
	void encodedSpellingIsTheGraphQlEndpointSoItsBodiesWithinTheLimitAreExecuted() throws Exception {
		HttpResponse<String> response = post("/graphq%6c", chunked(query(60_000)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(mapper.readTree(response.body()).path("data").path("accounts").size()).isEqualTo(2);
	}

	@Test
	void rejectionIsLoggedInOneLineWithoutStackTrace() throws Exception {
		try (LogEvents logs = LogEvents.capture()) {
			assertThat(post("/%67raphql", chunked(query(300_000))).statusCode()).isEqualTo(413);
			assertThat(logs.of(RejectedRequests.class)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage())
					.isEqualTo("HTTP request rejected status=413 method=POST path=/%67raphql: Request body exceeds "
							+ "the maximum of 65536 bytes (deskgraph.limits.max-request-bytes)"));
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
	}

	@Test
	void connectionIsClosedRatherThanDrainingABodyItRefused() throws IOException {
		try (RawHttp connection = RawHttp.connect(this.port)) {
			connection.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 100000000\r\n\r\n{\"query\":\"" + " ".repeat(1000));
			RawHttp.Response response = connection.read(Duration.ofSeconds(10));
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.headers()).containsEntry("connection", "close");
			assertThat(connection.closedWithin(Duration.ofSeconds(10))).isTrue();
		}
	}

	private HttpResponse<String> post(String path, BodyPublisher body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(body)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode singleError(HttpResponse<String> response) throws IOException {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).doesNotContain("java.", "Exception", "reactor.");
		JsonNode errors = mapper.readTree(response.body()).path("errors");
		assertThat(errors.size()).isOne();
		assertThat(errors.get(0).path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
		return errors.get(0);
	}

	/**
	 * A body of unknown length, sent with {@code Transfer-Encoding: chunked}.
	 */
	private static BodyPublisher chunked(byte[] body) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private static byte[] query(int size) {
		String start = "{\"query\":\"{ accounts { id } }";
		String end = "\"}";
		return (start + " ".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
	}

}
