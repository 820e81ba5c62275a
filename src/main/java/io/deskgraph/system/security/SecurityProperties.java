package io.deskgraph.system.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Who may call the gateway, which accounts each caller sees and how fast each caller may
 * send requests ({@code deskgraph.security}).
 *
 * @param required whether every {@code /graphql} request must authenticate; unset means
 * required as soon as an API key or a JWT issuer ({@code spring.security.oauth2.
 * resourceserver.jwt.*}) is configured
 * @param apiKeys the API keys clients send in the {@code X-API-Key} header
 * @param accountsClaim the JWT claim listing the account ids a bearer may see; a token
 * without it sees every account
 * @param federationScope the scope (in the JWT's {@code scope} or {@code scp} claim) that
 * lets a bearer, such as a federation router, read {@code _service { sdl }} while
 * {@code deskgraph.limits.introspection-enabled} is false
 * @param trustedProxies the IP addresses and CIDR ranges (IPv4 or IPv6) of the reverse
 * proxies and federation routers in front of the gateway; only from these is the client
 * address read from {@code X-Forwarded-For} or {@code Forwarded}, walking from the right
 * past trusted proxies; empty trusts no forwarding header
 * @param rateLimit the per-client request rate limit on {@code /graphql}
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.security")
public record SecurityProperties(@Nullable Boolean required, @DefaultValue List<ApiKey> apiKeys,
		@DefaultValue("deskgraph_accounts") String accountsClaim,
		@DefaultValue("deskgraph:federation") String federationScope, @DefaultValue List<String> trustedProxies,
		@DefaultValue RateLimit rateLimit) {

	/**
	 * One client's API key.
	 *
	 * @param name the client's name, used in logs and as its rate-limit key; never secret
	 * @param key the secret key; set it only from an environment placeholder
	 * @param accounts the account ids the key may see; empty means every account
	 * @param federation whether the key belongs to a federation router, which may read
	 * {@code _service { sdl }} while {@code deskgraph.limits.introspection-enabled} is
	 * false
	 */
	public record ApiKey(@Nullable String name, @Nullable String key, @DefaultValue List<String> accounts,
			@DefaultValue("false") boolean federation) {

		@Override
		public String toString() {
			return "ApiKey[name=" + this.name + ", key=****, accounts=" + this.accounts + ", federation="
					+ this.federation + "]";
		}

	}

	/**
	 * A token bucket per client: API key name, JWT subject, or client address (see
	 * {@code trusted-proxies}) when anonymous.
	 *
	 * @param enabled whether {@code /graphql} requests are rate limited per client
	 * @param requestsPerSecond the sustained rate each client may send
	 * @param burst the requests a client may send at once after being idle
	 * @param maxClients the most clients tracked at once, by each of the two limits; the
	 * least recently seen are forgotten first
	 * @param authFailuresPerMinute the sustained rate of failed authentication attempts
	 * (wrong API key, invalid bearer token) each client address (IPv6: each /64) may
	 * make, on any path; once its failures are used up, requests with credentials from
	 * that address get HTTP 429 before their credentials are checked; independent of
	 * {@code enabled}, and {@code 0} turns it off
	 * @param authFailureBurst the failed authentication attempts an address may make at
	 * once after a quiet period
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("20") double requestsPerSecond,
			@DefaultValue("40") int burst, @DefaultValue("10000") long maxClients,
			@DefaultValue("10") double authFailuresPerMinute, @DefaultValue("5") int authFailureBurst) {

	}

}
