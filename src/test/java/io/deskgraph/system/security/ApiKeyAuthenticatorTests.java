package io.deskgraph.system.security;

import java.util.List;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ApiKeyAuthenticator}.
 *
 * @author DeskGraph
 */
class ApiKeyAuthenticatorTests {

	private static final String KEY = "k-0123456789abcdef0123456789abcdef";

	private final AccountRegistry accounts = mock(AccountRegistry.class);

	@Test
	void rightKeyAuthenticatesAsItsNameWithItsScope() {
		given(this.accounts.contains("hw")).willReturn(true);
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
				List.of(new SecurityProperties.ApiKey("team", KEY, List.of("hw"), false)), this.accounts);
		StepVerifier.create(authenticator.convert(exchange(KEY)).flatMap(authenticator::authenticate))
			.assertNext((authentication) -> {
				assertThat(authentication.getName()).isEqualTo("team");
				assertThat(authentication.getCredentials()).isEqualTo("");
				assertThat(((ApiKeyAuthentication) authentication).getScope())
					.isEqualTo(AccountScope.only(List.of("hw")));
				assertThat(authentication.toString()).doesNotContain(KEY);
			})
			.verifyComplete();
	}

	@Test
	void onlyAKeyWithoutAccountsIsAnOperator() {
		given(this.accounts.contains("hw")).willReturn(true);
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
				List.of(new SecurityProperties.ApiKey("ops", KEY, List.of(), false),
						new SecurityProperties.ApiKey("team", KEY + "2", List.of("hw"), false)),
				this.accounts);
		assertThat(authoritiesOf(authenticator, KEY)).containsExactlyInAnyOrder("ROLE_CLIENT", "ROLE_OPERATOR");
		assertThat(authoritiesOf(authenticator, KEY + "2")).containsExactly("ROLE_CLIENT");
	}

	@Test
	void federationKeyHasTheFederationRole() {
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
				List.of(new SecurityProperties.ApiKey("router", KEY, List.of(), true)), this.accounts);
		assertThat(authoritiesOf(authenticator, KEY)).containsExactlyInAnyOrder("ROLE_CLIENT", "ROLE_OPERATOR",
				"ROLE_FEDERATION");
	}

	@Test
	void wrongKeyIsBadCredentials() {
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
				List.of(new SecurityProperties.ApiKey("team", KEY, List.of(), false)), this.accounts);
		StepVerifier.create(authenticator.convert(exchange(KEY + "x")).flatMap(authenticator::authenticate))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(BadCredentialsException.class).message().doesNotContain(KEY))
			.verify();
	}

	@Test
	void noHeaderIsNoAuthenticationAttempt() {
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(
				List.of(new SecurityProperties.ApiKey("team", KEY, List.of(), false)), this.accounts);
		StepVerifier.create(authenticator.convert(MockServerWebExchange.from(MockServerHttpRequest.post("/graphql"))))
			.verifyComplete();
	}

	@Test
	void emptyKeyFailsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKeyAuthenticator(
					List.of(new SecurityProperties.ApiKey("team", " ", List.of(), false)), this.accounts))
			.withMessageContaining("team")
			.withMessageContaining("environment");
	}

	@Test
	void duplicateNamesOrKeysFailStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKeyAuthenticator(List.of(new SecurityProperties.ApiKey("a", KEY, List.of(), false),
					new SecurityProperties.ApiKey("a", KEY + "2", List.of(), false)), this.accounts));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKeyAuthenticator(List.of(new SecurityProperties.ApiKey("a", KEY, List.of(), false),
					new SecurityProperties.ApiKey("b", KEY, List.of(), false)), this.accounts))
			.withMessageNotContaining(KEY);
	}

	@Test
	void unknownAccountFailsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiKeyAuthenticator(
					List.of(new SecurityProperties.ApiKey("team", KEY, List.of("nowhere"), false)), this.accounts))
			.withMessageContaining("nowhere");
	}

	private static List<String> authoritiesOf(ApiKeyAuthenticator authenticator, String key) {
		return authenticator.convert(exchange(key))
			.flatMap(authenticator::authenticate)
			.map((authentication) -> AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
			.map(List::copyOf)
			.block();
	}

	private static MockServerWebExchange exchange(String key) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.post("/graphql").header(ApiKeyAuthenticator.HEADER, key));
	}

}
