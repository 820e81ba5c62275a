package io.deskgraph.system.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tests for {@code deskgraph.security.trusted-proxies} over HTTP: the test client on the
 * loopback address plays a trusted reverse proxy, and the anonymous rate limit (one
 * request a minute after a burst of two) counts each forwarded client on its own.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.trusted-proxies=127.0.0.0/8,::1", "deskgraph.security.rate-limit.enabled=true",
				"deskgraph.security.rate-limit.requests-per-second=0.016", "deskgraph.security.rate-limit.burst=2" })
@ActiveProfiles("unthrottled")
class TrustedProxiesTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void eachForwardedClientHasItsOwnBucket() {
		for (int i = 0; i < 2; i++) {
			post(ClientAddressResolver.X_FORWARDED_FOR, "198.51.100.1").expectStatus().isOk();
		}
		post(ClientAddressResolver.X_FORWARDED_FOR, "198.51.100.1").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches(HttpHeaders.RETRY_AFTER, "\\d+");
		post(ClientAddressResolver.X_FORWARDED_FOR, "198.51.100.2").expectStatus().isOk();
		post(ClientAddressResolver.FORWARDED, "for=\"[2001:db8::2]:4711\"").expectStatus().isOk();
	}

	@Test
	void aClientCannotLeaveItsBucketByPrependingAddresses() {
		for (int i = 0; i < 2; i++) {
			post(ClientAddressResolver.X_FORWARDED_FOR, "198.51.100.3").expectStatus().isOk();
		}
		// What the proxy passes on when the client itself sent "X-Forwarded-For:
		// 203.0.113.1".
		post(ClientAddressResolver.X_FORWARDED_FOR, "203.0.113.1, 198.51.100.3").expectStatus().isEqualTo(429);
		post(ClientAddressResolver.FORWARDED, "for=203.0.113.2, for=198.51.100.3").expectStatus().isEqualTo(429);
	}

	private WebTestClient.ResponseSpec post(String header, String value) {
		return this.webTestClient.post()
			.uri("/graphql")
			.header(header, value)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }\"}")
			.exchange();
	}

}
