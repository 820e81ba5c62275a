package io.deskgraph.system.limits;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers HTTP 413 with a GraphQL-shaped JSON error when a request body on the GraphQL
 * endpoint exceeds {@code deskgraph.limits.max-request-bytes}, by its
 * {@code Content-Length} or, for streamed bodies, by the bytes read so far.
 *
 * @author DeskGraph
 */
@Component
class RequestSizeFilter implements WebFilter {

	private final String path;

	private final long maxBytes;

	private final ObjectMapper objectMapper;

	RequestSizeFilter(LimitsProperties properties, @Value("${spring.graphql.path:/graphql}") String path,
			ObjectMapper objectMapper) {
		this.path = path;
		this.maxBytes = properties.maxRequestBytes().toBytes();
		this.objectMapper = objectMapper;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.path.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		long length = request.getHeaders().getContentLength();
		if (length > this.maxBytes) {
			return reject(exchange.getResponse(), length);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong read = new AtomicLong();
				return super.getBody().map((buffer) -> {
					if (read.addAndGet(buffer.readableByteCount()) > RequestSizeFilter.this.maxBytes) {
						DataBufferUtils.release(buffer);
						throw new RequestTooLargeException();
					}
					return buffer;
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume((ex) -> causedByTooLarge(ex) && !exchange.getResponse().isCommitted(),
					(ex) -> reject(exchange.getResponse(), -1));
	}

	private Mono<Void> reject(ServerHttpResponse response, long actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", "BAD_REQUEST");
		extensions.put("limit", "maxRequestBytes");
		extensions.put("max", this.maxBytes);
		String size = "Request body";
		if (actual >= 0) {
			extensions.put("actual", actual);
			size = "Request body of " + actual + " bytes";
		}
		String message = size + " exceeds the maximum of " + this.maxBytes
				+ " bytes (deskgraph.limits.max-request-bytes)";
		byte[] body;
		try {
			body = this.objectMapper
				.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
		}
		catch (JsonProcessingException ex) {
			body = ("{\"errors\":[{\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8);
		}
		response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static boolean causedByTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestTooLargeException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Signals that a streamed body passed the limit.
	 */
	private static final class RequestTooLargeException extends RuntimeException {

		RequestTooLargeException() {
			super("Request body too large", null, false, false);
		}

	}

}
