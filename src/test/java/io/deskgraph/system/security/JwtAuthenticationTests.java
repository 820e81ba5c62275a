package io.deskgraph.system.security;

import java.util.List;
import java.util.Map;

import io.deskgraph.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for bearer JWT authentication, with tokens signed by a key pair made for the test
 * and an accounts claim scoping the caller.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
// Metrics export is off in tests unless asked for: /actuator/prometheus exists here.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("unthrottled")
class JwtAuthenticationTests {

	private static final TestIssuer issuer = new TestIssuer();

	@Autowired
	private WebTestClient webTestClient;

	@LocalServerPort
	private int port;

	@Test
	void validTokenIsAnswered() {
		withToken(issuer.token("reporting-job", Map.of())).document("{ accounts { id } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
	}

	@Test
	void accountsClaimScopesTheCaller() {
		withToken(issuer.token("reporting-job", Map.of("deskgraph_accounts", List.of("alibaba-demo"))))
			.document("{ accounts { id } desktopStatus { sources { accountId } } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("alibaba-demo")
			.path("desktopStatus.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("alibaba-demo");
	}

	@Test
	void missingTokenIsUnauthorizedWithBearerChallenge() {
		post(null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized");
	}

	@Test
	void malformedTokenIsUnauthorized() {
		post("Bearer not.a.jwt").expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized")
			.jsonPath("$.message")
			.isEqualTo("Invalid bearer token");
	}

	@Test
	void tokenSignedByAnotherKeyIsUnauthorized() {
		String forged = new TestIssuer().token("reporting-job", Map.of());
		String body = post("Bearer " + forged).expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain(forged);
	}

	private WebTestClient.ResponseSpec post(String authorization) {
		WebTestClient.RequestBodySpec request = this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request.bodyValue("{\"query\":\"{ accounts { id } }\"}").exchange();
	}

	@Test
	void tokenWithoutAccountsClaimIsAnOperator() {
		String token = issuer.token("reporting-job", Map.of());
		actuator("/actuator/prometheus", token).expectStatus().isOk();
		actuator("/actuator/health", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.accounts.components.huawei-demo.details.vendor")
			.isEqualTo("HUAWEI");
	}

	@Test
	void tokenLimitedByItsAccountsClaimIsNoOperator() {
		String token = issuer.token("reporting-job", Map.of("deskgraph_accounts", List.of("alibaba-demo")));
		actuator("/actuator/prometheus", token).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("forbidden");
		actuator("/actuator/health", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.accounts.components.alibaba-demo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.accounts.components.alibaba-demo.details")
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec actuator(String path, String token) {
		return this.webTestClient.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private HttpGraphQlTester withToken(String token) {
		return SecurityTestSupport.graphQlTester(this.port)
			.mutate()
			.headers((headers) -> headers.setBearerAuth(token))
			.build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		ReactiveJwtDecoder jwtDecoder() {
			return issuer.decoder();
		}

	}

}
