package io.deskgraph.system.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for demo mode without API keys or a JWT issuer: the gateway is open and says so
 * in the log.
 *
 * @author DeskGraph
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				// A context of its own, so its start-up log is captured here.
				"spring.application.name=deskgraph-open" })
@ActiveProfiles("unthrottled")
class OpenGatewayTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void demoModeWithoutCredentialsIsOpenWithAWarning(CapturedOutput output) {
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ accounts { id } }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			// No Spring Security filter runs when nobody can authenticate: not even the
			// one
			// writing its response headers.
			.expectHeader()
			.doesNotExist("X-Content-Type-Options")
			.expectBody()
			.jsonPath("$.data.accounts.length()")
			.isEqualTo(2);
		assertThat(output).contains("WARN")
			.contains("Client authentication is off (demo mode")
			.contains("the gateway is open");
	}

	@Test
	void graphiqlIsUsableWithoutCredentials() {
		this.webTestClient.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk();
	}

}
