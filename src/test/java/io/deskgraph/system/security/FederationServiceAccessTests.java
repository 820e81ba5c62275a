package io.deskgraph.system.security;

import java.util.Map;

import io.deskgraph.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FederationServiceInstrumentation} over HTTP with introspection
 * disabled: only a key marked {@code federation} and a token with the federation scope
 * read {@code _service { sdl }}.
 *
 * @author DeskGraph
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.limits.introspection-enabled=false", "deskgraph.security.api-keys[0].name=ops",
				"deskgraph.security.api-keys[0].key=" + SecurityTestSupport.OPS_KEY,
				"deskgraph.security.api-keys[1].name=huawei-team",
				"deskgraph.security.api-keys[1].key=" + SecurityTestSupport.HUAWEI_KEY,
				"deskgraph.security.api-keys[1].accounts=huawei-demo", "deskgraph.security.api-keys[2].name=router",
				"deskgraph.security.api-keys[2].key=" + FederationServiceAccessTests.ROUTER_KEY,
				"deskgraph.security.api-keys[2].federation=true" })
@ActiveProfiles("unthrottled")
class FederationServiceAccessTests {

	static final String ROUTER_KEY = "router-5d1c9e8f7a6b5c4d3e2f1a0b9c8d7e6f";

	private static final TestIssuer issuer = new TestIssuer();

	private static final String SDL = "{ _service { sdl } }";

	@LocalServerPort
	private int port;

	private HttpGraphQlTester graphQlTester;

	@BeforeEach
	void connect() {
		this.graphQlTester = SecurityTestSupport.graphQlTester(this.port);
	}

	@Test
	void federationKeyReadsTheSdl() {
		key(ROUTER_KEY).document(SDL)
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.satisfies((sdl) -> assertThat(sdl).contains("type Desktop"));
	}

	@Test
	void otherKeysAreForbiddenBeforeExecution() {
		assertForbidden(key(SecurityTestSupport.OPS_KEY).document(SDL).execute());
		assertForbidden(key(SecurityTestSupport.HUAWEI_KEY).document(SDL).execute());
	}

	@Test
	void aliasesAndFragmentsDoNotHideIt() {
		for (String document : new String[] { "{ schema: _service { sdl } }",
				"{ ...Service } fragment Service on Query { _service { sdl } }",
				"{ ... on Query { _service { sdl } } }",
				"{ ...Outer } fragment Outer on Query { ...Inner } fragment Inner on Query { s: _service { sdl } }",
				"query Dashboard { accounts { id } _service { sdl } }", "{ _service @skip(if: true) { sdl } }" }) {
			assertForbidden(key(SecurityTestSupport.OPS_KEY).document(document).execute());
		}
	}

	@Test
	void everyoneElseIsAnsweredAsBefore() {
		key(SecurityTestSupport.OPS_KEY).document("{ __typename accounts { id } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
	}

	@Test
	void introspectionStaysDisabledForFederationRouters() {
		key(ROUTER_KEY).document("{ __schema { queryType { name } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies(
						(error) -> assertThat(error.getExtensions()).containsEntry("limit", "introspectionEnabled")));
	}

	@Test
	void tokenWithTheFederationScopeReadsTheSdl() {
		bearer(issuer.token("supergraph-router", Map.of("scope", "deskgraph:federation"))).document(SDL)
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.satisfies((sdl) -> assertThat(sdl).contains("type Desktop"));
	}

	@Test
	void tokenWithoutTheFederationScopeIsForbidden() {
		assertForbidden(
				bearer(issuer.token("supergraph-router", Map.of("scope", "read deskgraph:reports"))).document(SDL)
					.execute());
	}

	@Test
	void rejectionIsLoggedOnceWithoutStackTrace(CapturedOutput output) {
		assertForbidden(
				key(SecurityTestSupport.OPS_KEY).document("query FetchSdlForAudit { _service { sdl } }").execute());
		assertThat(output.getAll().lines().filter((line) -> line.contains("errors=[FORBIDDEN]"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO").contains("GraphQL request"));
		assertThat(output.getAll()).doesNotContain("AbortExecutionException")
			.doesNotContain(SecurityTestSupport.OPS_KEY);
	}

	private static void assertForbidden(GraphQlTester.Response response) {
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
			assertThat(error.getMessage()).startsWith("_service is only for federation routers")
				.contains("deskgraph.limits.introspection-enabled=false")
				.contains("federation: true")
				.contains("'deskgraph:federation' scope")
				.doesNotContain("Exception");
			assertThat(error.getExtensions()).containsEntry("rule", "federationService");
		})).path("$.data").pathDoesNotExist();
	}

	private HttpGraphQlTester key(String key) {
		return this.graphQlTester.mutate().header(ApiKeyAuthenticator.HEADER, key).build();
	}

	private HttpGraphQlTester bearer(String token) {
		return this.graphQlTester.mutate().headers((headers) -> headers.setBearerAuth(token)).build();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class IssuerConfiguration {

		@Bean
		ReactiveJwtDecoder jwtDecoder() {
			return issuer.decoder();
		}

	}

}
