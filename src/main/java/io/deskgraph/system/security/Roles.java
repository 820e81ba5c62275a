package io.deskgraph.system.security;

/**
 * The roles DeskGraph grants authenticated callers, held as Spring Security authorities
 * named {@code ROLE_} and the role.
 *
 * @author DeskGraph
 */
final class Roles {

	/** Every caller with a valid API key. */
	static final String CLIENT = "CLIENT";

	/**
	 * Callers not limited to some accounts (API keys without {@code accounts}, JWTs
	 * without the accounts claim): they may read health details and every other actuator
	 * endpoint; {@code management.endpoint.health.roles} names this role.
	 */
	static final String OPERATOR = "OPERATOR";

	/**
	 * Federation routers (API keys marked {@code federation}, JWTs with the federation
	 * scope): they may read {@code _service { sdl }} while introspection is disabled.
	 */
	static final String FEDERATION = "FEDERATION";

	private Roles() {
	}

	/**
	 * The authority that holds a role.
	 * @param role the role
	 * @return {@code ROLE_} and the role
	 */
	static String authority(String role) {
		return "ROLE_" + role;
	}

}
