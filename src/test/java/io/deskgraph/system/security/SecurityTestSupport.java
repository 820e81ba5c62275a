package io.deskgraph.system.security;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the security tests: DeskGraph in demo mode over real HTTP with two API keys,
 * one of them scoped to the Huawei demo account.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=ops",
				"deskgraph.security.api-keys[0].key=" + SecurityTestSupport.OPS_KEY,
				"deskgraph.security.api-keys[1].name=huawei-team",
				"deskgraph.security.api-keys[1].key=" + SecurityTestSupport.HUAWEI_KEY,
				"deskgraph.security.api-keys[1].accounts=huawei-demo" })
// Metrics export is off in tests unless asked for: /actuator/prometheus exists here.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("unthrottled")
abstract class SecurityTestSupport {

	static final String OPS_KEY = "ops-4f6c1e0b9a7d4c2e8b3f5a6d7c8e9f01";

	static final String HUAWEI_KEY = "hw-9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";

	/** Bound to the running server, as no {@code @AutoConfigureWebTestClient} is used. */
	@Autowired
	protected WebTestClient webTestClient;

	@LocalServerPort
	private int port;

	protected HttpGraphQlTester graphQlTester;

	@BeforeEach
	void connectGraphQlTester() {
		this.graphQlTester = graphQlTester(this.port);
	}

	protected HttpGraphQlTester withKey(String key) {
		return this.graphQlTester.mutate().header(ApiKeyAuthenticator.HEADER, key).build();
	}

	/**
	 * A GraphQL tester over a real connection, so that the server sees a remote address
	 * (an {@code @AutoConfigureHttpGraphQlTester} one is bound to the application context
	 * instead).
	 * @param port the port of the running server
	 * @return the tester
	 */
	static HttpGraphQlTester graphQlTester(int port) {
		return HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	/**
	 * The message of a request's single BAD_REQUEST error from "unknown account" on, to
	 * compare how another account and an unknown one are refused.
	 */
	protected static String unknownAccountMessage(GraphQlTester.Response response) {
		String[] message = new String[1];
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
			message[0] = error.getMessage();
		}));
		return message[0].substring(message[0].indexOf("unknown account"));
	}

}
