package io.deskgraph.system.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits how fast each client may call {@code /graphql}, keyed by API key name, JWT
 * subject, or client address when anonymous, answering HTTP 429 with {@code Retry-After}
 * over the limit; this is separate from the limiters that keep DeskGraph within the
 * vendors' quotas.
 *
 * @author DeskGraph
 */
final class ClientRateLimitWebFilter implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(ClientRateLimitWebFilter.class);

	private final ServerWebExchangeMatcher paths;

	private final ClientRateLimiter limiter;

	private final ClientAddressResolver addresses;

	ClientRateLimitWebFilter(ServerWebExchangeMatcher paths, ClientRateLimiter limiter,
			ClientAddressResolver addresses) {
		this.paths = paths;
		this.limiter = limiter;
		this.addresses = addresses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.paths.matches(exchange)
			.flatMap((match) -> match.isMatch() ? clientOf(exchange).flatMap((client) -> limit(client, exchange, chain))
					: chain.filter(exchange));
	}

	private Mono<Void> limit(String client, ServerWebExchange exchange, WebFilterChain chain) {
		Duration wait = this.limiter.acquire(client);
		if (wait.isZero()) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		logger.debug("Client {} is over its request rate; retry after {}s", client, seconds);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return JsonErrors.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
				"Too many requests from this client; retry after " + seconds + " second(s)");
	}

	private Mono<String> clientOf(ServerWebExchange exchange) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(ClientRateLimitWebFilter::clientOf)
			.switchIfEmpty(Mono.fromSupplier(() -> "address:" + this.addresses.addressOf(exchange)));
	}

	private static String clientOf(Authentication authentication) {
		if (authentication instanceof ApiKeyAuthentication) {
			return "key:" + authentication.getName();
		}
		if (authentication instanceof JwtAuthenticationToken) {
			return "jwt:" + authentication.getName();
		}
		return "user:" + authentication.getName();
	}

}
