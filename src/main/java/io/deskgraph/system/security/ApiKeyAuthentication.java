package io.deskgraph.system.security;

import java.util.ArrayList;
import java.util.List;

import io.deskgraph.connector.AccountScope;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by API key, named after the key and carrying the accounts the
 * key may see, but never the key itself; a key not limited to some accounts has the
 * {@link Roles#OPERATOR operator} role, a federation router's key the
 * {@link Roles#FEDERATION federation} role.
 *
 * @author DeskGraph
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	/** The header clients send their key in. */
	public static final String HEADER = "X-API-Key";

	private final String keyName;

	private final AccountScope scope;

	ApiKeyAuthentication(String keyName, AccountScope scope, boolean federation) {
		super(authorities(scope, federation));
		this.keyName = keyName;
		this.scope = scope;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(AccountScope scope, boolean federation) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.CLIENT)));
		if (!scope.isRestricted()) {
			authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.OPERATOR)));
		}
		if (federation) {
			authorities.add(new SimpleGrantedAuthority(Roles.authority(Roles.FEDERATION)));
		}
		return authorities;
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
