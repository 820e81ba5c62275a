package io.deskgraph.system.limits;

import java.net.URI;
import java.util.List;

import io.deskgraph.system.LogEvents;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GraphQlHttpExceptionHandler} on its own: Spring's exceptions on the
 * GraphQL endpoint get our JSON shape without their Java-flavoured reasons, and a bug is
 * an opaque {@code INTERNAL_ERROR}.
 *
 * @author DeskGraph
 */
class GraphQlHttpExceptionHandlerTests {

	private final GraphQlHttpExceptionHandler handler = new GraphQlHttpExceptionHandler(new GraphQlProperties());

	@Test
	void springStatusExceptionKeepsItsStatusButNotItsReason() {
		MockServerWebExchange exchange = exchange("/graphql");
		UnsupportedMediaTypeStatusException failure = new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN,
				List.of(MediaType.APPLICATION_JSON), ResolvableType.forClass(GraphQlProperties.class));
		StepVerifier.create(this.handler.handle(exchange, failure)).verifyComplete();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.isEqualTo("{\"errors\":[{\"message\":\"Content-Type not supported: send application/json\","
					+ "\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

	@Test
	void encodedSpellingOfThePathIsTheGraphQlEndpoint() {
		MockServerWebExchange exchange = exchange("/%67raphql");
		StepVerifier.create(this.handler.handle(exchange, new ServerWebInputException("Failed to read HTTP message")))
			.verifyComplete();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.startsWith("{\"errors\":[{\"message\":\"Malformed");
	}

	@Test
	void unexpectedFailureIsAnOpaqueInternalErrorLoggedInFull() {
		MockServerWebExchange exchange = exchange("/graphql");
		try (LogEvents logs = LogEvents.capture()) {
			StepVerifier.create(this.handler.handle(exchange, new IllegalStateException("secret detail")))
				.verifyComplete();
			assertThat(logs.of(RejectedRequests.class)).singleElement()
				.satisfies((event) -> assertThat(event.getThrowableProxy().getMessage()).isEqualTo("secret detail"));
		}
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"classification\":\"INTERNAL_ERROR\"")
			.doesNotContain("secret detail", "IllegalState", "java.");
	}

	@Test
	void otherPathsAreLeftToSpringBoot() {
		IllegalStateException failure = new IllegalStateException("boom");
		StepVerifier.create(this.handler.handle(exchange("/actuator/health"), failure))
			.verifyErrorMatches((ex) -> ex == failure);
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.POST, URI.create(path)));
	}

}
