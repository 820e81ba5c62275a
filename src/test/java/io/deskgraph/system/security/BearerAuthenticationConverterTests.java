package io.deskgraph.system.security;

import java.util.List;
import java.util.Map;

import io.deskgraph.connector.AccountScope;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BearerAuthenticationConverter}.
 *
 * @author DeskGraph
 */
class BearerAuthenticationConverterTests {

	private final BearerAuthenticationConverter converter = new BearerAuthenticationConverter("deskgraph_accounts",
			"deskgraph:federation");

	@Test
	void tokenWithoutAccountsClaimIsAnOperatorWithItsScopes() {
		StepVerifier.create(this.converter.convert(jwt(Map.of("scope", "read deskgraph:federation"))))
			.assertNext((authentication) -> {
				assertThat(authentication.getName()).isEqualTo("reporting-job");
				assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
					.containsExactlyInAnyOrder("SCOPE_read", "SCOPE_deskgraph:federation", "ROLE_OPERATOR",
							"ROLE_FEDERATION");
			})
			.verifyComplete();
	}

	@Test
	void onlyTheFederationScopeMakesAFederationRouter() {
		for (Object scope : new Object[] { "read", "deskgraph:federation-read", "federation", List.of("read") }) {
			StepVerifier
				.create(this.converter.convert(jwt(Map.of("scope", scope, "deskgraph_accounts", List.of("hw")))))
				.assertNext((authentication) -> assertThat(
						AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
					.doesNotContain("ROLE_FEDERATION"))
				.verifyComplete();
		}
		StepVerifier.create(this.converter.convert(jwt(Map.of("scp", List.of("deskgraph:federation")))))
			.assertNext(
					(authentication) -> assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
						.contains("ROLE_FEDERATION"))
			.verifyComplete();
	}

	@Test
	void tokenWithAccountsClaimIsNoOperatorEvenWhenItListsNone() {
		for (Object accounts : new Object[] { List.of("hw"), List.of(), "hw ali", "" }) {
			StepVerifier.create(this.converter.convert(jwt(Map.of("deskgraph_accounts", accounts))))
				.assertNext((authentication) -> assertThat(authentication.getAuthorities()).isEmpty())
				.verifyComplete();
		}
	}

	@Test
	void accountsClaimIsAListOrASpaceOrCommaSeparatedString() {
		assertThat(BearerAuthenticationConverter.scopeOf(jwt(Map.of("deskgraph_accounts", "hw, ali")),
				"deskgraph_accounts"))
			.isEqualTo(AccountScope.only(List.of("hw", "ali")));
		assertThat(BearerAuthenticationConverter.scopeOf(jwt(Map.of("deskgraph_accounts", List.of("hw"))),
				"deskgraph_accounts"))
			.isEqualTo(AccountScope.only(List.of("hw")));
		assertThat(BearerAuthenticationConverter.scopeOf(jwt(Map.of()), "deskgraph_accounts"))
			.isEqualTo(AccountScope.all());
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("reporting-job")
			.claims((all) -> all.putAll(claims))
			.build();
	}

}
