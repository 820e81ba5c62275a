package io.deskgraph.system.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that an open gateway, which runs none of Spring Security's filters, still names
 * each caller by its address and holds it to the per-client rate limit.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.rate-limit.enabled=true", "deskgraph.security.rate-limit.requests-per-second=0.1",
				"deskgraph.security.rate-limit.burst=3" })
@ActiveProfiles("unthrottled")
class OpenGatewayRateLimitTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void anonymousCallerOverItsBurstIsTooManyRequestsWhateverItClaimsToForward() {
		for (int i = 0; i < 3; i++) {
			String body = post("198.51.100." + i).expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).contains("\"huawei-demo\"").contains("\"alibaba-demo\"");
		}
		post("198.51.100.99").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "\\d+")
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("rate_limited");
		// Only /graphql is limited.
		this.webTestClient.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec post(String forwardedFor) {
		return this.webTestClient.post()
			.uri("/graphql")
			.header(ClientAddressResolver.X_FORWARDED_FOR, forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ accounts { id } }"))
			.exchange();
	}

}
