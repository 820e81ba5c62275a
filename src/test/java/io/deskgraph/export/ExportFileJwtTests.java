package io.deskgraph.export;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
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

	private static final KeyPair issuerKeys = generate();

	@Test
	void downloadTakesTheBearerTokensGraphQlTakesWithTheirAccountScope() {
		WebClient operator = bearer(token(Map.of()));
		String id = (String) startExport(operator, Map.of("accountId", "huawei-demo", "range", range(10))).get("id");
		String url = (String) awaitStatus(operator, id, "SUCCESS").get("downloadUrl");
		assertThat(status(gateway(), url)).isEqualTo(401);
		assertThat(status(bearer("not-a-jwt"), url)).isEqualTo(401);
		assertThat(status(operator, url)).isEqualTo(200);
		assertThat(status(bearer(token(Map.of("deskgraph_accounts", List.of("huawei-demo")))), url)).isEqualTo(200);
		assertThat(status(bearer(token(Map.of("deskgraph_accounts", List.of("alibaba-demo")))), url)).isEqualTo(404);
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

	private static String token(Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("export-job")
			.issuer("https://issuer.example")
			.issueTime(Date.from(Instant.now()))
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
		try {
			jwt.sign(new RSASSASigner(issuerKeys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		ReactiveJwtDecoder jwtDecoder() {
			return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) issuerKeys.getPublic()).build();
		}

	}

}
