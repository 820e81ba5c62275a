package io.deskgraph.system.security;

import java.time.Duration;

import io.deskgraph.connector.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits how fast each client may call {@code /graphql}, keyed by the {@link Caller} that
 * {@link CallerWebFilter} put into the Reactor context (API key name, JWT subject, or
 * client address when anonymous), answering HTTP 429 with {@code Retry-After} over the
 * limit; this is separate from the limiters that keep DeskGraph within the vendors'
 * quotas.
 *
 * @author DeskGraph
 */
final class ClientRateLimitWebFilter implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(ClientRateLimitWebFilter.class);

	private final ServerWebExchangeMatcher paths;

	private final ClientRequestLimit limit;

	ClientRateLimitWebFilter(ServerWebExchangeMatcher paths, ClientRequestLimit limit) {
		this.paths = paths;
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.paths.matches(exchange)
			.flatMap((match) -> match.isMatch()
					? Caller.current().flatMap((caller) -> limit(caller.key(), exchange, chain))
					: chain.filter(exchange));
	}

	private Mono<Void> limit(String client, ServerWebExchange exchange, WebFilterChain chain) {
		return this.limit.acquire(client).flatMap((wait) -> {
			if (wait.isZero()) {
				return chain.filter(exchange);
			}
			long seconds = JsonErrors.retryAfterSeconds(wait);
			logger.debug("Client {} is over its request rate; retry after {}s", client, seconds);
			return JsonErrors.tooManyRequests(exchange, seconds, "Too many requests from this client");
		});
	}

}
