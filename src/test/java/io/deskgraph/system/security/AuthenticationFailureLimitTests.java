package io.deskgraph.system.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the limit on failed authentication per client address, over HTTP: three
 * failures at once, then one a minute. The test client plays a trusted proxy, so each
 * test names its own client addresses in {@code X-Forwarded-For}.
 *
 * @author DeskGraph
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=ops",
				"deskgraph.security.api-keys[0].key=" + SecurityTestSupport.OPS_KEY,
				"deskgraph.security.trusted-proxies=127.0.0.0/8,::1",
				"deskgraph.security.rate-limit.auth-failures-per-minute=1",
				"deskgraph.security.rate-limit.auth-failure-burst=3" })
@ActiveProfiles("unthrottled")
class AuthenticationFailureLimitTests {

	private static final String WRONG_KEY = "ops-0000000000000000000000000000wrong";

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void addressThatUsedUpItsFailuresIsRefusedBeforeItsCredentialsAreChecked() {
		String attacker = "198.51.100.10";
		useUpFailures(attacker);
		String body = post(attacker, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "[1-9]\\d*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"error\":\"rate_limited\"")
			.contains("failed authentication attempts")
			.doesNotContain(WRONG_KEY)
			.doesNotContain("Exception");
		// Not even the right key is looked at from that address now.
		String refused = post(attacker, ApiKeyAuthenticator.HEADER, SecurityTestSupport.OPS_KEY).expectStatus()
			.isEqualTo(429)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).doesNotContain(SecurityTestSupport.OPS_KEY);
	}

	@Test
	void retryAfterIsWhenTheNextAttemptIsAllowed() {
		String attacker = "198.51.100.11";
		useUpFailures(attacker);
		String retryAfter = post(attacker, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus()
			.isEqualTo(429)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER);
		// One attempt a minute.
		assertThat(Long.parseLong(retryAfter)).isBetween(50L, 60L);
	}

	@Test
	void otherAddressesAreUnaffected() {
		useUpFailures("198.51.100.12");
		post("198.51.100.13", ApiKeyAuthenticator.HEADER, SecurityTestSupport.OPS_KEY).expectStatus().isOk();
		post("198.51.100.14", ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isUnauthorized();
	}

	@Test
	void anIpv6ClientCannotEscapeByChangingAddressWithinItsSlash64() {
		useUpFailures("2001:db8:aaaa:1::1");
		post("2001:db8:aaaa:1:ffff::2", ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isEqualTo(429);
		post("2001:db8:aaaa:2::1", ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isUnauthorized();
	}

	@Test
	void invalidBearerTokensAreFailuresToo() {
		String attacker = "198.51.100.15";
		for (int i = 0; i < 3; i++) {
			post(attacker, HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt").expectStatus().isUnauthorized();
		}
		post(attacker, HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt").expectStatus().isEqualTo(429);
		post(attacker, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isEqualTo(429);
	}

	@Test
	void requestsWithoutCredentialsAndSuccessfulOnesAreNotFailures() {
		String client = "198.51.100.16";
		for (int i = 0; i < 5; i++) {
			this.webTestClient.post()
				.uri("/graphql")
				.header(ClientAddressResolver.X_FORWARDED_FOR, client)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"query\":\"{ accounts { id } }\"}")
				.exchange()
				.expectStatus()
				.isUnauthorized();
			post(client, ApiKeyAuthenticator.HEADER, SecurityTestSupport.OPS_KEY).expectStatus().isOk();
		}
		post(client, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isUnauthorized();
	}

	@Test
	void failuresOnTheActuatorCountToo() {
		String attacker = "198.51.100.17";
		for (int i = 0; i < 3; i++) {
			this.webTestClient.get()
				.uri("/actuator/prometheus")
				.header(ClientAddressResolver.X_FORWARDED_FOR, attacker)
				.header(ApiKeyAuthenticator.HEADER, WRONG_KEY)
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		post(attacker, ApiKeyAuthenticator.HEADER, SecurityTestSupport.OPS_KEY).expectStatus().isEqualTo(429);
	}

	@Test
	void addressesTheClientPrependsDoNotEscapeTheLimit() {
		String attacker = "198.51.100.18";
		useUpFailures(attacker);
		post("203.0.113.50, " + attacker, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isEqualTo(429);
	}

	@Test
	void lockOutIsLoggedOnceWithoutStackTraceOrCredentials(CapturedOutput output) {
		String attacker = "198.51.100.19";
		useUpFailures(attacker);
		for (int i = 0; i < 3; i++) {
			post(attacker, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isEqualTo(429);
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains(attacker))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").contains("used up its failed authentication"));
		assertThat(output.getAll()).doesNotContain(WRONG_KEY)
			.doesNotContain(SecurityTestSupport.OPS_KEY)
			.doesNotContain("BadCredentialsException")
			.doesNotContain("\tat org.springframework.security");
	}

	private void useUpFailures(String address) {
		for (int i = 0; i < 3; i++) {
			post(address, ApiKeyAuthenticator.HEADER, WRONG_KEY).expectStatus().isUnauthorized();
		}
	}

	private WebTestClient.ResponseSpec post(String forwardedFor, String header, String credentials) {
		return this.webTestClient.post()
			.uri("/graphql")
			.header(ClientAddressResolver.X_FORWARDED_FOR, forwardedFor)
			.header(header, credentials)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }\"}")
			.exchange();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		ReactiveJwtDecoder jwtDecoder() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) generator.generateKeyPair().getPublic())
				.build();
		}

	}

}
