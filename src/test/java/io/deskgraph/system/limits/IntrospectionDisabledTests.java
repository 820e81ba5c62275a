package io.deskgraph.system.limits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryLimitsInstrumentation} with
 * {@code deskgraph.limits.introspection-enabled=false}.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.limits.introspection-enabled=false" })
@ActiveProfiles("unthrottled")
class IntrospectionDisabledTests {

	/** Over a real connection to the running server. */
	private HttpGraphQlTester graphQlTester;

	@LocalServerPort
	private int serverPort;

	@BeforeEach
	void connectGraphQlTester() {
		this.graphQlTester = HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + this.serverPort + "/graphql").build());
	}

	@Test
	void schemaQueryIsRejected() {
		this.graphQlTester.document("{ __schema { queryType { name } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage())
					.isEqualTo("Introspection is disabled (deskgraph.limits.introspection-enabled=false)");
				assertThat(error.getExtensions()).containsEntry("limit", "introspectionEnabled");
			}))
			.path("$.data")
			.pathDoesNotExist();
	}

	@Test
	void typeQueryNestedInAFragmentIsRejected() {
		this.graphQlTester.document("query { ...Types } fragment Types on Query { __type(name: \"Desktop\") { name } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies(
						(error) -> assertThat(error.getExtensions()).containsEntry("limit", "introspectionEnabled")));
	}

	@Test
	void ordinaryQueriesAndTypenameAnswer() {
		this.graphQlTester.document("{ __typename accounts { id __typename } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo")
			.path("__typename")
			.entity(String.class)
			.isEqualTo("Query");
	}

	@Test
	void federationServiceIsNoIntrospectionButOnlyForFederationRouters() {
		// The security package's FederationServiceInstrumentation decides; see its tests.
		this.graphQlTester.document("{ _service { sdl } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
				assertThat(error.getExtensions()).containsEntry("rule", "federationService");
			}));
	}

}
