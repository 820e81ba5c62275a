package io.deskgraph.system.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.deskgraph.connector.AccountScope;
import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a validated bearer JWT into the caller's authentication: its scopes as
 * {@code SCOPE_} authorities, as Spring Security grants them, plus the
 * {@link Roles#OPERATOR operator} role when no accounts claim limits the token and the
 * {@link Roles#FEDERATION federation} role when it has the federation scope.
 *
 * @author DeskGraph
 */
final class BearerAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	private final String accountsClaim;

	private final String federationAuthority;

	BearerAuthenticationConverter(String accountsClaim, String federationScope) {
		this.accountsClaim = accountsClaim;
		this.federationAuthority = "SCOPE_" + federationScope;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		if (!scopeOf(jwt, this.accountsClaim).isRestricted()) {
			authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.OPERATOR)));
		}
		if (authorities.stream().anyMatch((authority) -> this.federationAuthority.equals(authority.getAuthority()))) {
			authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.FEDERATION)));
		}
		return Mono.just(new JwtAuthenticationToken(jwt, authorities));
	}

	/**
	 * The accounts a bearer may see: those its accounts claim lists, or every account
	 * when it has none.
	 * @param jwt the token
	 * @param accountsClaim the name of the claim
	 * @return the scope
	 */
	static AccountScope scopeOf(Jwt jwt, String accountsClaim) {
		Object claim = jwt.getClaims().get(accountsClaim);
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
