package io.deskgraph.system.security;

import io.deskgraph.connector.AccountScope;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A caller authenticated by API key, named after the key and carrying the accounts the
 * key may see, but never the key itself.
 *
 * @author DeskGraph
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String keyName;

	private final AccountScope scope;

	ApiKeyAuthentication(String keyName, AccountScope scope) {
		super(AuthorityUtils.createAuthorityList("ROLE_CLIENT"));
		this.keyName = keyName;
		this.scope = scope;
		setAuthenticated(true);
	}

	/**
	 * The accounts this key may see.
	 * @return the scope
	 */
	public AccountScope getScope() {
		return this.scope;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.keyName;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
