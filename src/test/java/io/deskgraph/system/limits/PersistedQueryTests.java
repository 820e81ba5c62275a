package io.deskgraph.system.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedQueryInterceptor}: the Apollo APQ protocol over HTTP, with a
 * cache of two queries.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.persisted-queries.max-size=2" })
@ActiveProfiles("unthrottled")
class PersistedQueryTests {

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private PersistedQueryInterceptor interceptor;

	@Test
	void hashOnlyIsNotFoundUntilTheQueryIsSentWithIt() {
		String query = "query Accounts { accounts { id } }";
		String hash = sha256(query);
		WebTestClient.BodyContentSpec notFound = post(null, hash).expectBody();
		notFound.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		post(query, hash).expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.accounts[*].id")
			.isEqualTo(List.of("huawei-demo", "alibaba-demo"));
		post(null, hash).expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.accounts[*].id")
			.isEqualTo(List.of("huawei-demo", "alibaba-demo"));
	}

	@Test
	void hashThatDoesNotMatchTheQueryIsRejected() {
		String query = "{ accounts { vendor } }";
		post(query, sha256("{ accounts { region } }")).expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].message")
			.isEqualTo("provided sha does not match query")
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST");
		post(null, sha256(query)).expectBody().jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound");
	}

	@Test
	void hashThatIsNotSha256IsRejected() {
		post(null, "abc").expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("persistedQuery.sha256Hash must be 64 hexadecimal characters");
	}

	@Test
	void cacheKeepsAtMostMaxSizeQueries() {
		List<String> queries = List.of("{ accounts { id name } }", "{ accounts { id region } }",
				"{ accounts { id vendor } }");
		for (String query : queries) {
			post(query, sha256(query)).expectBody().jsonPath("$.errors").doesNotExist();
		}
		long found = queries.stream()
			.filter((query) -> !"PersistedQueryNotFound".equals(firstErrorMessage(post(null, sha256(query)))))
			.count();
		// Caffeine decides which entry to evict by frequency, so only the bound is
		// certain.
		assertThat(found).isLessThan(3);
		assertThat(this.interceptor.size()).isEqualTo(2);
	}

	private WebTestClient.ResponseSpec post(String query, String hash) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String firstErrorMessage(WebTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
		}).returnResult().getResponseBody();
		if (body == null || !(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
			return null;
		}
		return String.valueOf(((Map<?, ?>) errors.get(0)).get("message"));
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
