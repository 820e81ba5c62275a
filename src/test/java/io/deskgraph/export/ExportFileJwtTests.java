package io.deskgraph.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deskgraph.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExportFileHandler} behind bearer JWTs: the tokens {@code /graphql}
 * takes, scoped by the same accounts claim.
 *
 * @author DeskGraph
 */
class ExportFileJwtTests extends ExportFileTestSupport {

	private static final TestIssuer issuer = new TestIssuer();

	@Test
	void downloadTakesTheBearerTokensGraphQlTakesWithTheirAccountScope() {
		WebClient operator = bearer(issuer.token("export-job", Map.of()));
		String id = (String) startExport(operator, Map.of("accountId", "huawei-demo", "range", range(10))).get("id");
		String url = (String) awaitStatus(operator, id, "SUCCESS").get("downloadUrl");
		assertThat(status(gateway(), url)).isEqualTo(401);
		assertThat(status(bearer("not-a-jwt"), url)).isEqualTo(401);
		assertThat(status(operator, url)).isEqualTo(200);
		assertThat(
				status(bearer(issuer.token("export-job", Map.of("deskgraph_accounts", List.of("huawei-demo")))), url))
			.isEqualTo(200);
		assertThat(
				status(bearer(issuer.token("export-job", Map.of("deskgraph_accounts", List.of("alibaba-demo")))), url))
			.isEqualTo(404);
	}

	private WebClient bearer(String token) {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBearerAuth(token))
			.build();
	}

	private static int status(WebClient client, String url) {
		return client.get()
			.uri(url)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(20));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		ReactiveJwtDecoder jwtDecoder() {
			return issuer.decoder();
		}

	}

}
