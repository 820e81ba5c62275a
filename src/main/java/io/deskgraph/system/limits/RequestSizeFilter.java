package io.deskgraph.system.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers HTTP 413 with a GraphQL-shaped JSON error when a request body on any path
 * exceeds {@code deskgraph.limits.max-request-bytes}, by its {@code Content-Length} or,
 * for streamed bodies, by the bytes read so far.
 *
 * @author DeskGraph
 */
@Component
// Among the first filters: every later filter and handler reads the counted body, and a
// buffer limit hit anywhere below becomes this 413.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter implements WebFilter {

	private static final long MAX_DISCARD_BYTES = DataSize.ofMegabytes(1).toBytes();

	private final long maxBytes;

	RequestSizeFilter(LimitsProperties properties) {
		this.maxBytes = properties.maxRequestBytes().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Every path, whatever its spelling: the router decodes /%67raphql to /graphql,
		// and no endpoint of the gateway needs a larger body.
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		long length = request.getHeaders().getContentLength();
		boolean chunked = length < 0 && request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING);
		AtomicBoolean bodyRead = new AtomicBoolean(length <= 0 && !chunked);
		response.beforeCommit(() -> {
			// Answered before the whole body was read (a 413, a 404, a 405): the server
			// reads and discards the rest to keep the connection. Many clients send the
			// whole body before reading any answer, so a short rest is discarded; an
			// endless or long one closes the connection instead.
			if (!bodyRead.get() && (chunked || length > MAX_DISCARD_BYTES)) {
				response.getHeaders().setConnection("close");
			}
			return Mono.empty();
		});
		if (length > this.maxBytes) {
			return reject(exchange, length);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				Flux<DataBuffer> body = getDelegate().getBody();
				return Flux.defer(() -> {
					AtomicLong read = new AtomicLong();
					return body.map((buffer) -> {
						if (read.addAndGet(buffer.readableByteCount()) > RequestSizeFilter.this.maxBytes) {
							DataBufferUtils.release(buffer);
							throw new RequestTooLargeException();
						}
						return buffer;
					}).doOnComplete(() -> bodyRead.set(true));
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume((ex) -> tooLarge(ex) && !response.isCommitted(), (ex) -> reject(exchange, -1));
	}

	private Mono<Void> reject(ServerWebExchange exchange, long actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", "maxRequestBytes");
		extensions.put("max", this.maxBytes);
		String size = "Request body";
		if (actual >= 0) {
			extensions.put("actual", actual);
			size = "Request body of " + actual + " bytes";
		}
		String message = size + " exceeds the maximum of " + this.maxBytes
				+ " bytes (deskgraph.limits.max-request-bytes)";
		return RejectedRequests.reject(exchange, HttpStatus.PAYLOAD_TOO_LARGE, message, extensions);
	}

	private static boolean tooLarge(Throwable ex) {
		// A codec's own buffer limit (spring.codec.max-in-memory-size) is the same
		// mistake by the client, never a server error.
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestTooLargeException || cause instanceof DataBufferLimitException) {
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
