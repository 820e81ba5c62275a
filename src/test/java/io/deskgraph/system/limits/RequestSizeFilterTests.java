package io.deskgraph.system.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestSizeFilter} on its own: a buffer limit hit by any codec below
 * it is the client's 413, never a server error.
 *
 * @author DeskGraph
 */
class RequestSizeFilterTests {

	private final RequestSizeFilter filter = new RequestSizeFilter(
			new LimitsProperties(12, 30, 1000, 10000, DataSize.ofKilobytes(64), true, Duration.ofSeconds(10),
					Duration.ofSeconds(30), 366, 60, Duration.ofSeconds(20)));

	@Test
	void bufferLimitHitBelowTheFilterIs413() {
		assertThat(answerTo(new DataBufferLimitException("Exceeded limit on max bytes to buffer : 262144")))
			.contains("\"classification\":\"BAD_REQUEST\"", "\"limit\":\"maxRequestBytes\"")
			.doesNotContain("262144", "Exception");
	}

	@Test
	void wrappedBufferLimitIs413Too() {
		assertThat(answerTo(new DecodingException("decoding failed", new DataBufferLimitException("limit"))))
			.contains("Request body exceeds the maximum of 65536 bytes");
	}

	private String answerTo(Throwable failure) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/graphql").contentType(MediaType.APPLICATION_JSON).body("{}"));
		WebFilterChain chain = (filtered) -> Mono.error(failure);
		StepVerifier.create(this.filter.filter(exchange, chain)).verifyComplete();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		return exchange.getResponse().getBodyAsString().block();
	}

}
