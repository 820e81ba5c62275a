package io.deskgraph.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExportFileHandler} behind API keys: authorised like {@code /graphql},
 * with the same keys, account scoping and per-client rate limit.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = { "deskgraph.security.api-keys[0].name=ops",
		"deskgraph.security.api-keys[0].key=" + ExportFileSecurityTests.OPS_KEY,
		"deskgraph.security.api-keys[1].name=huawei-team",
		"deskgraph.security.api-keys[1].key=" + ExportFileSecurityTests.HUAWEI_KEY,
		"deskgraph.security.api-keys[1].accounts=huawei-demo", "deskgraph.security.api-keys[2].name=alibaba-team",
		"deskgraph.security.api-keys[2].key=" + ExportFileSecurityTests.ALIBABA_KEY,
		"deskgraph.security.api-keys[2].accounts=alibaba-demo" })
class ExportFileSecurityTests extends ExportFileTestSupport {

	static final String OPS_KEY = "ops-5a1c9e0b8d7f4c3e2b1a0f9e8d7c6b5a";

	static final String HUAWEI_KEY = "hw-1f2e3d4c5b6a7980a1b2c3d4e5f60718";

	static final String ALIBABA_KEY = "ali-0a9b8c7d6e5f40312a3b4c5d6e7f8091";

	@Test
	void downloadNeedsAKeyWhenKeysAreConfigured() {
		String url = succeededExport();
		assertThat(status(gateway(), url)).isEqualTo(401);
		assertThat(status(gateway("not-a-key-of-this-gateway"), url)).isEqualTo(401);
		assertThat(status(gateway(OPS_KEY), url)).isEqualTo(200);
		assertThat(status(gateway(HUAWEI_KEY), url)).isEqualTo(200);
	}

	@Test
	void keyScopedToOtherAccountsCannotDownloadAndLearnsNoMoreThanFromGraphQl() {
		String url = succeededExport();
		String id = url.substring("/exports/".length(), url.length() - "/file".length());
		ResponseEntity<Map<String, Object>> denied = gateway(ALIBABA_KEY).get()
			.uri(url)
			.exchangeToMono((response) -> response.toEntity(MAP))
			.block(Duration.ofSeconds(20));
		assertThat(denied.getStatusCode().value()).isEqualTo(404);
		assertThat(denied.getBody()).containsEntry("error", "not_found");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) gateway(ALIBABA_KEY).post()
			.uri("/graphql")
			.bodyValue(Map.of("query", "query($id: ID!) { exportTask(id: $id) { id } }", "variables", Map.of("id", id)))
			.retrieve()
			.bodyToMono(MAP)
			.block()
			.get("errors");
		assertThat(denied.getBody().get("message")).isEqualTo(errors.get(0).get("message"));
		assertThat((String) denied.getBody().get("message")).contains("unknown account 'huawei-demo'")
			.doesNotContain("HUAWEI");
	}

	@Test
	void downloadsCountAgainstTheClientsRateLimit() {
		WebClient client = gateway(OPS_KEY);
		List<ResponseEntity<Void>> responses = Flux.range(0, 100)
			.flatMap((i) -> client.get()
				.uri("/exports/not-a-task-id/file")
				.exchangeToMono((response) -> response.toBodilessEntity()), 100)
			.collectList()
			.block(Duration.ofSeconds(30));
		List<ResponseEntity<Void>> limited = responses.stream()
			.filter((response) -> response.getStatusCode().value() == 429)
			.toList();
		assertThat(limited).isNotEmpty()
			.allSatisfy((response) -> assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull());
		assertThat(responses).extracting((response) -> response.getStatusCode().value()).containsOnly(400, 429);
	}

	private String succeededExport() {
		WebClient ops = gateway(OPS_KEY);
		String id = (String) startExport(ops, Map.of("accountId", "huawei-demo", "range", range(10))).get("id");
		return (String) awaitStatus(ops, id, "SUCCESS").get("downloadUrl");
	}

	private static int status(WebClient client, String url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(20));
	}

}
