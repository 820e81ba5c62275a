package io.deskgraph.system.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the {@code X-API-Key} header and matches it against the configured keys by their
 * SHA-256 digests in constant time, so neither the key nor its position leaks.
 *
 * @author DeskGraph
 */
final class ApiKeyAuthenticator implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

	/** The header clients send their key in. */
	static final String HEADER = ApiKeyAuthentication.HEADER;

	private final List<Entry> entries = new ArrayList<>();

	ApiKeyAuthenticator(List<SecurityProperties.ApiKey> apiKeys, AccountRegistry accounts) {
		Set<String> names = new HashSet<>();
		Set<String> digests = new HashSet<>();
		for (SecurityProperties.ApiKey apiKey : apiKeys) {
			String name = apiKey.name();
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("deskgraph.security.api-keys: every key needs a name");
			}
			if (!names.add(name)) {
				throw new IllegalArgumentException("deskgraph.security.api-keys: name '" + name + "' is used twice");
			}
			String key = apiKey.key();
			if (key == null || key.isBlank()) {
				throw new IllegalArgumentException(
						"deskgraph.security.api-keys[" + name + "]: key is empty; set it from an environment variable");
			}
			byte[] digest = sha256(key);
			if (!digests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
				throw new IllegalArgumentException(
						"deskgraph.security.api-keys[" + name + "]: key is the same as another key's");
			}
			for (String accountId : apiKey.accounts()) {
				if (!accounts.contains(accountId)) {
					throw new IllegalArgumentException(
							"deskgraph.security.api-keys[" + name + "]: account '" + accountId + "' is not configured");
				}
			}
			AccountScope scope = apiKey.accounts().isEmpty() ? AccountScope.all()
					: AccountScope.only(apiKey.accounts());
			this.entries.add(new Entry(name, digest, scope, apiKey.federation()));
		}
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		return (key != null) ? Mono.just(new PresentedKey(key)) : Mono.empty();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof PresentedKey presented)) {
			return Mono.empty();
		}
		byte[] digest = sha256(presented.key);
		Entry match = null;
		// Every entry is compared, so the time taken does not tell which key matched.
		for (Entry entry : this.entries) {
			if (MessageDigest.isEqual(entry.digest(), digest)) {
				match = entry;
			}
		}
		if (match == null) {
			return Mono.error(new BadCredentialsException("Invalid API key"));
		}
		return Mono.just(new ApiKeyAuthentication(match.name(), match.scope(), match.federation()));
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private record Entry(String name, byte[] digest, AccountScope scope, boolean federation) {

	}

	/** A key as presented, before it is checked; its string form never shows the key. */
	private static final class PresentedKey extends AbstractAuthenticationToken {

		private final String key;

		PresentedKey(String key) {
			super(null);
			this.key = key;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return "";
		}

		@Override
		public String toString() {
			return "PresentedKey[****]";
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
