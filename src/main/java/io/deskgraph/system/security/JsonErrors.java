package io.deskgraph.system.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the small JSON bodies of the responses the security filters answer themselves,
 * before any GraphQL work.
 *
 * @author DeskGraph
 */
final class JsonErrors {

	private static final ObjectMapper mapper = new ObjectMapper();

	private JsonErrors() {
	}

	/**
	 * Rounds a wait up to the whole seconds of a {@code Retry-After} header.
	 * @param wait the wait
	 * @return at least one second
	 */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/**
	 * Completes the exchange with HTTP 429, {@code Retry-After} and a
	 * {@code rate_limited} body.
	 * @param exchange the exchange
	 * @param retryAfterSeconds when to try again
	 * @param reason what is limited, without the retry advice
	 * @return completion
	 */
	static Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds, String reason) {
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				reason + "; retry after " + retryAfterSeconds + " second(s)");
	}

	/**
	 * Completes the exchange with a JSON error body.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param error a short machine-readable code
	 * @param message a message for people; never a secret
	 * @return completion
	 */
	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String error, String message) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		ObjectNode body = mapper.createObjectNode().put("error", error).put("message", message);
		byte[] bytes;
		try {
			bytes = mapper.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			bytes = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
		}
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

}
