package io.deskgraph.system.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.deskgraph.connector.AccountScope;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the authenticated caller's {@link AccountScope} into the Reactor context of the
 * request, where the services read it when they select accounts.
 *
 * @author DeskGraph
 */
final class AccountScopeWebFilter implements WebFilter {

	private final String accountsClaim;

	AccountScopeWebFilter(String accountsClaim) {
		this.accountsClaim = accountsClaim;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(this::scopeOf)
			.defaultIfEmpty(AccountScope.all())
			.flatMap((scope) -> chain.filter(exchange).contextWrite(scope.into()));
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
			return scopeOf(token.getToken());
		}
		return AccountScope.all();
	}

	private AccountScope scopeOf(Jwt jwt) {
		Object claim = jwt.getClaims().get(this.accountsClaim);
		if (claim == null) {
			return AccountScope.all();
		}
		if (claim instanceof Collection<?> values) {
			return AccountScope.only(values.stream().map(String::valueOf).toList());
		}
		// A space- or comma-separated string, like the standard "scope" claim.
		List<String> ids = Arrays.stream(claim.toString().split("[\\s,]+")).filter((id) -> !id.isEmpty()).toList();
		return AccountScope.only(ids);
	}

}
