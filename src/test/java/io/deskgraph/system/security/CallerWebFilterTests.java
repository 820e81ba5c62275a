package io.deskgraph.system.security;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.deskgraph.connector.AccountScope;
import io.deskgraph.connector.Caller;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;

import org.springframework.lang.Nullable;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallerWebFilter}: what the rest of the request reads with
 * {@link Caller#current()} and {@link AccountScope#current()}.
 *
 * @author DeskGraph
 */
class CallerWebFilterTests {

	private final CallerWebFilter filter = new CallerWebFilter("deskgraph_accounts",
			new ClientAddressResolver(List.of("10.0.0.0/8")));

	@Test
	void apiKeyCallerIsNamedAfterItsKeyAndKeepsItsScope() {
		Authentication key = new ApiKeyAuthentication("team-a", AccountScope.only(List.of("hw")), false);
		Tuple2<Caller, AccountScope> seen = downstream(from("203.0.113.5"), key);
		assertThat(seen.getT1()).isEqualTo(new Caller("key:team-a"));
		assertThat(seen.getT2()).isEqualTo(AccountScope.only(List.of("hw")));
	}

	@Test
	void bearerIsNamedAfterItsSubjectAndScopedByItsClaim() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("reporting-job")
			.claim("deskgraph_accounts", "hw ali")
			.build();
		Tuple2<Caller, AccountScope> seen = downstream(from("203.0.113.5"),
				new JwtAuthenticationToken(jwt, AuthorityUtils.NO_AUTHORITIES));
		assertThat(seen.getT1()).isEqualTo(new Caller("jwt:reporting-job"));
		assertThat(seen.getT2()).isEqualTo(AccountScope.only(List.of("hw", "ali")));
	}

	@Test
	void anonymousCallerIsItsRemoteAddressSeeingEveryAccount() {
		Tuple2<Caller, AccountScope> seen = downstream(
				from("203.0.113.5").header(ClientAddressResolver.X_FORWARDED_FOR, "198.51.100.7"), null);
		assertThat(seen.getT1()).isEqualTo(new Caller("address:203.0.113.5"));
		assertThat(seen.getT2()).isEqualTo(AccountScope.all());
	}

	@Test
	void anonymousCallerBehindATrustedProxyIsTheForwardedAddress() {
		Tuple2<Caller, AccountScope> seen = downstream(
				from("10.0.0.1").header(ClientAddressResolver.X_FORWARDED_FOR, "203.0.113.1, 198.51.100.7"), null);
		assertThat(seen.getT1()).isEqualTo(new Caller("address:198.51.100.7"));
	}

	@Test
	void authenticationThatIsNotAuthenticatedIsAnonymous() {
		Tuple2<Caller, AccountScope> seen = downstream(from("203.0.113.5"),
				new TestingAuthenticationToken("someone", "secret"));
		assertThat(seen.getT1()).isEqualTo(new Caller("address:203.0.113.5"));
	}

	@Test
	void otherAuthenticationsAreNamedAsUsers() {
		Tuple2<Caller, AccountScope> seen = downstream(from("203.0.113.5"),
				new TestingAuthenticationToken("someone", "secret", "ROLE_CLIENT"));
		assertThat(seen.getT1()).isEqualTo(new Caller("user:someone"));
	}

	@Test
	void callerIsOnlyInTheRequestsOwnContext() {
		Authentication key = new ApiKeyAuthentication("team-a", AccountScope.all(), false);
		MockServerWebExchange exchange = MockServerWebExchange.from(from("203.0.113.5"));
		WebFilterChain chain = (filtered) -> Mono.empty();
		StepVerifier
			.create(this.filter.filter(exchange, chain)
				.then(Caller.current())
				.contextWrite(ReactiveSecurityContextHolder.withAuthentication(key)))
			.expectNext(Caller.INTERNAL)
			.verifyComplete();
	}

	private Tuple2<Caller, AccountScope> downstream(MockServerHttpRequest.BaseBuilder<?> request,
			@Nullable Authentication authentication) {
		AtomicReference<Tuple2<Caller, AccountScope>> seen = new AtomicReference<>();
		// The rest of the request, as a data fetcher or a vendor call reads it.
		WebFilterChain chain = (
				exchange) -> Mono.zip(Caller.current(), AccountScope.current()).doOnNext(seen::set).then();
		Mono<Void> filtered = this.filter.filter(MockServerWebExchange.from(request), chain);
		if (authentication != null) {
			filtered = filtered.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
		}
		StepVerifier.create(filtered).verifyComplete();
		assertThat(seen.get()).isNotNull();
		return seen.get();
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String remoteAddress) {
		return MockServerHttpRequest.post("/graphql")
			.remoteAddress(new InetSocketAddress(IpRange.parseAddress(remoteAddress), 40000));
	}

}
