package io.deskgraph.system.limits;

import java.time.Duration;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Bounds how long a request body may take to arrive: the Reactor Netty server cuts off a
 * body that pauses longer than {@code deskgraph.limits.body-read-timeout} or takes longer
 * than {@code deskgraph.limits.body-timeout} in all, and the request then ends with one
 * log line and a closed connection rather than a server error.
 *
 * @author DeskGraph
 */
@Component
// Inside ClientAbortFilter and RequestSizeFilter, outside every handler that reads a
// body.
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyTimeouts implements NettyServerCustomizer, WebFilter {

	private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

	private static final String REQUEST_TIMEOUT_EXCEPTION = "reactor.netty.http.server.RequestTimeoutException";

	private final Duration readTimeout;

	private final Duration timeout;

	RequestBodyTimeouts(LimitsProperties properties) {
		this.readTimeout = properties.bodyReadTimeout();
		this.timeout = properties.bodyTimeout();
		Assert.isTrue(!this.readTimeout.isNegative() && !this.readTimeout.isZero(),
				"deskgraph.limits.body-read-timeout must be positive");
		Assert.isTrue(!this.timeout.isNegative() && !this.timeout.isZero(),
				"deskgraph.limits.body-timeout must be positive");
	}

	@Override
	public HttpServer apply(HttpServer server) {
		// Both apply only while a request body is being received: a slow GraphQL
		// execution after the body has arrived is not cut off.
		return server.readTimeout(this.readTimeout).requestTimeout(this.timeout);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume((ex) -> timedOut(ex) != null, (ex) -> {
			String property = isRequestTimeout(timedOut(ex)) ? "body-timeout: " + this.timeout.toMillis() + " ms in all"
					: "body-read-timeout: " + this.readTimeout.toMillis() + " ms without a byte";
			RejectedRequests.log(exchange, HttpStatus.REQUEST_TIMEOUT,
					"Request body not received in time (deskgraph.limits." + property + "); connection closed");
			// Reactor Netty closes the connection right after signalling the timeout, so
			// no answer can reach the client; the status is for the metrics. The exchange
			// ends once the connection is closed: ending it within the timeout signal
			// makes Reactor Netty signal the timeout again, which Reactor logs as a
			// dropped error. The wait is bounded should the connection stay open after
			// all.
			exchange.getResponse().setStatusCode(HttpStatus.REQUEST_TIMEOUT);
			return (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)
					? connection.onDispose().timeout(CLOSE_WAIT, Mono.empty()) : Mono.empty();
		});
	}

	private static boolean isRequestTimeout(@Nullable Throwable ex) {
		// Reactor Netty's RequestTimeoutException is package-private.
		return ex != null && ex.getClass().getName().equals(REQUEST_TIMEOUT_EXCEPTION);
	}

	@Nullable
	private static Throwable timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebClientException) {
				// A vendor too slow to answer is an upstream failure.
				return null;
			}
			if (isRequestTimeout(cause) || cause instanceof ReadTimeoutException) {
				return cause;
			}
		}
		return null;
	}

}
