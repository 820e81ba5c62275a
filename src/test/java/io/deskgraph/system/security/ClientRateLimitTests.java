package io.deskgraph.system.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the per-client request rate limit on {@code /graphql}, with a tiny limit so
 * that a client exhausts its burst at once.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=busy",
				"deskgraph.security.api-keys[0].key=" + ClientRateLimitTests.BUSY_KEY,
				"deskgraph.security.api-keys[1].name=quiet",
				"deskgraph.security.api-keys[1].key=" + ClientRateLimitTests.QUIET_KEY,
				"deskgraph.security.rate-limit.enabled=true", "deskgraph.security.rate-limit.requests-per-second=0.1",
				"deskgraph.security.rate-limit.burst=3" })
@ActiveProfiles("unthrottled")
class ClientRateLimitTests {

	static final String BUSY_KEY = "busy-0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";

	static final String QUIET_KEY = "quiet-f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c";

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void clientOverItsBurstIsTooManyRequestsWhileAnotherClientIsNot() {
		for (int i = 0; i < 3; i++) {
			// With credentials configured, Spring Security's chain runs, headers
			// included.
			post(BUSY_KEY).expectStatus().isOk().expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
		}
		String body = post(BUSY_KEY).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "\\d+")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"rate_limited\"").contains("retry after").doesNotContain(BUSY_KEY);
		post(QUIET_KEY).expectStatus().isOk();
	}

	@Test
	void retryAfterTellsWhenTheNextPermitIsFree() {
		String retryAfter = null;
		for (int i = 0; i < 5 && retryAfter == null; i++) {
			retryAfter = post(QUIET_KEY).returnResult(String.class)
				.getResponseHeaders()
				.getFirst(HttpHeaders.RETRY_AFTER);
		}
		// One permit every 10 seconds.
		assertThat(retryAfter).isNotNull();
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 10L);
	}

	@Test
	void anonymousRequestsShareTheirRemoteAddressBucketWhateverTheyClaimToForward() {
		// No trusted proxies: forwarding headers are the client's word and are ignored.
		for (int i = 0; i < 3; i++) {
			anonymous("198.51.100." + i).expectStatus().isUnauthorized();
		}
		anonymous("198.51.100.99").expectStatus().isEqualTo(429);
	}

	private WebTestClient.ResponseSpec anonymous(String forwardedFor) {
		return this.webTestClient.post()
			.uri("/graphql")
			.header(ClientAddressResolver.X_FORWARDED_FOR, forwardedFor)
			.header(ClientAddressResolver.FORWARDED, "for=" + forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }\"}")
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String key) {
		return this.webTestClient.post()
			.uri("/graphql")
			.header(ApiKeyAuthenticator.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }\"}")
			.exchange();
	}

}
