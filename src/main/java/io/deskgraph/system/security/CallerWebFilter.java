package io.deskgraph.system.security;

import java.util.function.Function;

import io.deskgraph.connector.AccountScope;
import io.deskgraph.connector.Caller;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the caller of a request into its Reactor context: the {@link Caller} key that the
 * per-client rate limit and vendor-quota sharing count it by, and the
 * {@link AccountScope} the services select accounts with.
 *
 * @author DeskGraph
 */
final class CallerWebFilter implements WebFilter {

	private final String accountsClaim;

	private final ClientAddressResolver addresses;

	CallerWebFilter(String accountsClaim, ClientAddressResolver addresses) {
		this.accountsClaim = accountsClaim;
		this.addresses = addresses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map((authentication) -> callerOf(authentication).into().andThen(scopeOf(authentication).into()))
			.switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange)))
			.flatMap((context) -> chain.filter(exchange).contextWrite(context));
	}

	private Function<Context, Context> anonymous(ServerWebExchange exchange) {
		return new Caller("address:" + this.addresses.addressOf(exchange)).into().andThen(AccountScope.all().into());
	}

	/**
	 * The key an authenticated caller is counted by; never a credential.
	 * @param authentication the caller
	 * @return the caller
	 */
	static Caller callerOf(Authentication authentication) {
		if (authentication instanceof ApiKeyAuthentication) {
			return new Caller("key:" + authentication.getName());
		}
		if (authentication instanceof JwtAuthenticationToken) {
			return new Caller("jwt:" + authentication.getName());
		}
		return new Caller("user:" + authentication.getName());
	}

	/**
	 * The accounts an authenticated caller may see.
	 * @param authentication the caller
	 * @return the scope
	 */
	AccountScope scopeOf(Authentication authentication) {
		if (authentication instanceof ApiKeyAuthentication apiKey) {
			return apiKey.getScope();
		}
		if (authentication instanceof JwtAuthenticationToken token) {
			return BearerAuthenticationConverter.scopeOf(token.getToken(), this.accountsClaim);
		}
		return AccountScope.all();
	}

}
