package io.deskgraph.system.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for API key authentication of {@code /graphql} and the actuator.
 *
 * @author DeskGraph
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuthenticationTests extends SecurityTestSupport {

	private static final String QUERY = "{\"query\":\"{ accounts { id } }\"}";

	@Test
	void missingKeyIsUnauthorizedBeforeAnyGraphQlWork() {
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "ApiKey .*X-API-Key.*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized")
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("X-API-Key"))
			.jsonPath("$.data")
			.doesNotExist();
	}

	@Test
	void wrongKeyIsUnauthorizedAndNeverEchoedOrLogged(CapturedOutput output) {
		String wrong = "not-a-key-" + OPS_KEY.substring(0, 12);
		String body = this.webTestClient.post()
			.uri("/graphql")
			.header(ApiKeyAuthenticator.HEADER, wrong)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"unauthorized\"").contains("Invalid credentials").doesNotContain(wrong);
		assertThat(output).doesNotContain(wrong).doesNotContain(OPS_KEY).doesNotContain(HUAWEI_KEY);
	}

	@Test
	void malformedBearerTokenWithoutJwtConfiguredIsUnauthorized() {
		this.webTestClient.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void rightKeyIsAnsweredAndNeverLogged(CapturedOutput output) {
		withKey(OPS_KEY).document("{ accounts { id } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
		String body = this.webTestClient.post()
			.uri("/graphql")
			.header(ApiKeyAuthenticator.HEADER, OPS_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("huawei-demo").doesNotContain(OPS_KEY);
		assertThat(output).doesNotContain(OPS_KEY).doesNotContain(HUAWEI_KEY);
	}

	@Test
	void healthIsReachableWithoutKey() {
		this.webTestClient.get().uri("/actuator/health").exchange().expectStatus().is2xxSuccessful();
	}

	@Test
	void otherActuatorEndpointsNeedAKey() {
		this.webTestClient.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		this.webTestClient.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.webTestClient.get()
			.uri("/actuator/info")
			.header(ApiKeyAuthenticator.HEADER, OPS_KEY)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void graphiqlPageLoadsWithoutKey() {
		this.webTestClient.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isLessThan(400));
	}

	@Test
	void keysAreMaskedInConfigurationToString() {
		SecurityProperties.ApiKey key = new SecurityProperties.ApiKey("ops", OPS_KEY, List.of(), false);
		assertThat(key.toString()).contains("ops").doesNotContain(OPS_KEY);
	}

}
