package io.deskgraph.system.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits failed authentication attempts per client address (per /64 for IPv6): a request
 * that presents credentials from an address that has used up its failures is answered
 * HTTP 429 with {@code Retry-After} before its credentials are checked, so keys and
 * tokens cannot be tried as fast as a client likes.
 *
 * @author DeskGraph
 */
final class AuthenticationFailureLimitWebFilter implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(AuthenticationFailureLimitWebFilter.class);

	private final ClientRateLimiter failures;

	private final ClientAddressResolver addresses;

	/**
	 * Creates the filter.
	 * @param failures one permit per failed attempt, per client address
	 * @param addresses the resolver of client addresses
	 */
	AuthenticationFailureLimitWebFilter(ClientRateLimiter failures, ClientAddressResolver addresses) {
		this.failures = failures;
		this.addresses = addresses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Without credentials nothing is checked, so there is nothing to guess.
		if (!presentsCredentials(exchange)) {
			return chain.filter(exchange);
		}
		String address = ClientAddressResolver.networkOf(this.addresses.addressOf(exchange));
		Duration wait = this.failures.waitTime(address);
		if (wait.isZero()) {
			return chain.filter(exchange);
		}
		long seconds = JsonErrors.retryAfterSeconds(wait);
		logger.debug("Credentials from {} refused unchecked after repeated failures; retry after {}s", address,
				seconds);
		return JsonErrors.tooManyRequests(exchange, seconds,
				"Too many failed authentication attempts from this address");
	}

	/**
	 * Wraps the failure handler of an authentication filter so that each failed attempt
	 * is counted against the client's address.
	 * @param handler the handler that answers the failure
	 * @return the counting handler
	 */
	ServerAuthenticationFailureHandler counting(ServerAuthenticationFailureHandler handler) {
		return (webFilterExchange, exception) -> {
			// A service failure (an unreachable JWK set) is ours, not the client's guess.
			if (!(exception instanceof AuthenticationServiceException)) {
				countFailure(webFilterExchange.getExchange());
			}
			return handler.onAuthenticationFailure(webFilterExchange, exception);
		};
	}

	private void countFailure(ServerWebExchange exchange) {
		String address = ClientAddressResolver.networkOf(this.addresses.addressOf(exchange));
		Duration wait = this.failures.charge(address);
		// Later attempts are refused before they are checked, so this is logged once per
		// lock-out (and for attempts that were already under way).
		if (!wait.isZero()) {
			logger.warn(
					"Client address {} used up its failed authentication attempts; "
							+ "its credentials are refused unchecked for {}s",
					address, JsonErrors.retryAfterSeconds(wait));
		}
	}

	private static boolean presentsCredentials(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return headers.containsKey(ApiKeyAuthenticator.HEADER) || headers.containsKey(HttpHeaders.AUTHORIZATION);
	}

}
