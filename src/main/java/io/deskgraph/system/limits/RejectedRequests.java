package io.deskgraph.system.limits;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.system.observability.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers an HTTP request the gateway refuses before GraphQL execution with a
 * GraphQL-shaped JSON error,
 * {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}}, and logs the
 * refusal in one line without a stack trace.
 *
 * @author DeskGraph
 */
final class RejectedRequests {

	private static final Logger logger = LoggerFactory.getLogger(RejectedRequests.class);

	private static final ObjectMapper mapper = new ObjectMapper();

	private RejectedRequests() {
	}

	/**
	 * Answers a client mistake: a 4xx status with a {@code BAD_REQUEST} error, logged at
	 * INFO in one line.
	 * @param exchange the exchange
	 * @param status the HTTP status, 4xx
	 * @param message what is wrong and what to send instead; never a Java class name
	 * @param extensions extensions after {@code classification}, e.g. the limit
	 * @return completion
	 */
	static Mono<Void> reject(ServerWebExchange exchange, HttpStatusCode status, String message,
			Map<String, Object> extensions) {
		log(exchange, status, message);
		return write(exchange, status, ErrorType.BAD_REQUEST, message, extensions);
	}

	/**
	 * Logs a client mistake the server answers itself, at INFO in one line.
	 * @param exchange the exchange
	 * @param status the HTTP status, 4xx
	 * @param message what is wrong
	 */
	static void log(ServerWebExchange exchange, HttpStatusCode status, String message) {
		ServerHttpRequest request = exchange.getRequest();
		String method = LogText.of(request.getMethod().name(), 20);
		String path = LogText.of(request.getPath().value(), 200);
		logger.atInfo()
			.addKeyValue("status", status.value())
			.addKeyValue("method", method)
			.addKeyValue("path", path)
			.log("HTTP request rejected status={} method={} path={}: {}", status.value(), method, path,
					LogText.of(message, 300));
	}

	/**
	 * Answers a failure of the gateway itself with an opaque {@code INTERNAL_ERROR},
	 * logged at ERROR with its stack trace: it is a bug.
	 * @param exchange the exchange
	 * @param failure what went wrong
	 * @return completion
	 */
	static Mono<Void> fail(ServerWebExchange exchange, Throwable failure) {
		ServerHttpRequest request = exchange.getRequest();
		logger.error("HTTP request failed requestId={} method={} path={}", request.getId(),
				LogText.of(request.getMethod().name(), 20), LogText.of(request.getPath().value(), 200), failure);
		return write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ErrorType.INTERNAL_ERROR,
				"Internal error; requestId " + request.getId(), Map.of());
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ErrorType classification,
			String message, Map<String, Object> extensions) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> allExtensions = new LinkedHashMap<>();
		allExtensions.put("classification", classification.name());
		allExtensions.putAll(extensions);
		byte[] body;
		try {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", message);
			error.put("extensions", allExtensions);
			body = mapper.writeValueAsBytes(Map.of("errors", List.of(error)));
		}
		catch (JsonProcessingException ex) {
			body = "{\"errors\":[{\"message\":\"Request rejected\"}]}".getBytes(StandardCharsets.UTF_8);
		}
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
