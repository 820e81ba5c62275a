package io.deskgraph.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

/**
 * Tests that the dashboard operations shipped in {@code static/examples} run against the
 * schema and answer with data from both demo accounts.
 *
 * @author DeskGraph
 */
class DashboardExamplesTests extends GatewayTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "TopUsersThisMonth", "TopDesktopsThisMonth", "IdleDesktops14Days", "StatusByAccount" })
	void shippedOperationAnswersWithoutErrors(String operation) throws IOException {
		String document = new ClassPathResource("static/examples/dashboard.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		this.graphQlTester.document(document)
			.operationName(operation)
			.variable("month", range(today().minusDays(29), today().minusDays(1)))
			.variable("lastWeek", range(today().minusDays(7), today().minusDays(1)))
			.variable("first", 5)
			.execute()
			.errors()
			.verify()
			.path("$.data.*.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "OK");
	}

}
