package io.deskgraph.system.observability;

import java.io.IOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Completes quietly a request whose client went away before it was answered: one DEBUG
 * line instead of an ERROR with a stack trace, recorded as aborted rather than as a
 * server error.
 *
 * @author DeskGraph
 */
@Component
// Outermost, so that a disconnect seen by any filter or handler ends here.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientAbortFilter implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(ClientAbortFilter.class);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume(ClientAbortFilter::isClientGone, (ex) -> {
			// The http.server.requests observation then reports outcome UNKNOWN, not a
			// 5xx.
			ServerRequestObservationContext.findCurrent(exchange.getAttributes())
				.ifPresent((context) -> context.setConnectionAborted(true));
			ServerHttpRequest request = exchange.getRequest();
			if (logger.isDebugEnabled()) {
				logger.debug("HTTP request abandoned by the client requestId={} method={} path={} ({})",
						request.getId(), LogText.of(request.getMethod().name(), 20),
						LogText.of(request.getPath().value(), 200),
						LogText.of(NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), 100));
			}
			return Mono.empty();
		});
	}

	/**
	 * Whether a failure means the client closed or reset its connection.
	 * @param ex the failure
	 * @return whether it is the client's disconnect
	 */
	static boolean isClientGone(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebClientException) {
				// A vendor closing its connection to us is an upstream failure.
				return false;
			}
			if (cause instanceof AbortedException || cause instanceof PrematureCloseException
					|| (cause instanceof IOException && resetOrBrokenPipe(cause.getMessage()))) {
				return true;
			}
		}
		return DisconnectedClientHelper.isClientDisconnectedException(ex);
	}

	private static boolean resetOrBrokenPipe(@Nullable String message) {
		if (message == null) {
			return false;
		}
		String lower = message.toLowerCase(Locale.ROOT);
		return lower.contains("connection reset") || lower.contains("broken pipe");
	}

}
