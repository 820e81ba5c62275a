package io.deskgraph.system.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that health details and every actuator endpoint other than health are for
 * operators only: the unscoped {@code ops} key has them, the key scoped to
 * {@code huawei-demo} sees what an anonymous caller sees.
 *
 * @author DeskGraph
 */
@ExtendWith(OutputCaptureExtension.class)
class ActuatorAccessTests extends SecurityTestSupport {

	@Test
	void unscopedKeySeesEveryAccountsHealthDetails() {
		health(OPS_KEY).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.accounts.components.huawei-demo.details.vendor")
			.isEqualTo("HUAWEI")
			.jsonPath("$.components.accounts.components.alibaba-demo.details.vendor")
			.isEqualTo("ALIBABA");
	}

	@Test
	void scopedKeySeesHealthStatusesOnlyLikeAnonymousCallers() {
		byte[] scoped = health(HUAWEI_KEY).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.accounts.components.alibaba-demo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.accounts.components.alibaba-demo.details")
			.doesNotExist()
			.jsonPath("$.components.accounts.components.huawei-demo.details")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent();
		byte[] anonymous = health(null).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
		assertThat(new String(scoped, StandardCharsets.UTF_8)).isEqualTo(new String(anonymous, StandardCharsets.UTF_8));
	}

	@Test
	void scopedKeySeesNoDetailsOfAnotherAccountsHealthComponent() {
		this.webTestClient.get()
			.uri("/actuator/health/accounts/alibaba-demo")
			.header(ApiKeyAuthenticator.HEADER, HUAWEI_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details")
			.doesNotExist();
	}

	@Test
	void scopedKeyIsForbiddenFromPrometheusAndTheOtherEndpoints(CapturedOutput output) {
		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator" }) {
			String body = get(endpoint, HUAWEI_KEY).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).contains("\"error\":\"forbidden\"")
				.contains("operators")
				.doesNotContain(HUAWEI_KEY)
				.doesNotContain("Exception")
				.doesNotContain("org.springframework");
		}
		assertThat(output).doesNotContain(HUAWEI_KEY).doesNotContain("AccessDeniedException");
	}

	@Test
	void unscopedKeyReadsPrometheus() {
		String metrics = get("/actuator/prometheus", OPS_KEY).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("application=\"deskgraph\"");
	}

	@Test
	void anonymousCallersStillNeedCredentialsForPrometheus() {
		get("/actuator/prometheus", null).expectStatus().isUnauthorized();
	}

	private WebTestClient.ResponseSpec health(String key) {
		return get("/actuator/health", key);
	}

	private WebTestClient.ResponseSpec get(String path, String key) {
		WebTestClient.RequestHeadersSpec<?> request = this.webTestClient.get().uri(path);
		if (key != null) {
			request.header(ApiKeyAuthenticator.HEADER, key);
		}
		return request.exchange();
	}

}
