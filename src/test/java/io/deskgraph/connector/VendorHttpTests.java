package io.deskgraph.connector;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VendorHttp#retryAfter(HttpHeaders, Instant)}.
 *
 * @author DeskGraph
 */
class VendorHttpTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void retryAfterInSecondsMillisecondsAndAsAnHttpDate() {
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "3"), NOW)).isEqualTo(Duration.ofSeconds(3));
		assertThat(VendorHttp.retryAfter(headers("x-acs-retry-after", "250"), NOW)).isEqualTo(Duration.ofMillis(250));
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "Fri, 20 Nov 2026 10:00:07 GMT"), NOW))
			.isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void missingUnreadableOrUnreasonableRetryAfterIsIgnored() {
		assertThat(VendorHttp.retryAfter(new HttpHeaders(), NOW)).isNull();
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "soon"), NOW)).isNull();
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "-5"), NOW)).isNull();
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "86400"), NOW)).isNull();
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "99999999999999999999"), NOW)).isNull();
		assertThat(VendorHttp.retryAfter(headers("Retry-After", "Fri, 20 Nov 2026 09:00:00 GMT"), NOW)).isNull();
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

}
