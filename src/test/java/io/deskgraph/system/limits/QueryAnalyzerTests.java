package io.deskgraph.system.limits;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryAnalyzer}.
 *
 * @author DeskGraph
 */
class QueryAnalyzerTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			enum Vendor { HUAWEI ALIBABA }
			type Query {
			  accounts: [Account!]!
			  desktops(vendors: [Vendor!], accountIds: [ID!], first: Int): DesktopConnection!
			}
			type Account { id: ID! }
			type DesktopConnection { edges: [Edge!]! totalCount: Int }
			type Edge { node: Desktop! }
			type Desktop { id: ID! usage: Usage }
			type Usage { seconds: Int! desktop: Desktop! }
			"""), RuntimeWiring.MOCKED_WIRING);

	private static final List<Account> ACCOUNTS = List.of(new Account("hw-1", Vendor.HUAWEI, "cn-north-4", null),
			new Account("hw-2", Vendor.HUAWEI, "cn-north-4", null),
			new Account("ali-1", Vendor.ALIBABA, "cn-hangzhou", null));

	@Test
	void plainFieldsCostOneEach() {
		QueryAnalyzer.Measure measure = measure("{ accounts { id } }", Map.of());
		assertThat(measure).isEqualTo(new QueryAnalyzer.Measure(2, 0, 2, false));
	}

	@Test
	void connectionMultipliesItsSelectionAndAddsFanOut() {
		// 1 + 10 x 3 accounts + 10 x (edges node id usage seconds = 5)
		assertThat(measure("{ desktops(first: 10) { edges { node { id usage { seconds } } } } }", Map.of()).cost())
			.isEqualTo(81);
	}

	@Test
	void connectionFieldsBesideEdgesCountOnce() {
		// 1 + 10 x 3 accounts + 10 x (edges node id = 3) + totalCount
		assertThat(measure("{ desktops(first: 10) { totalCount edges { node { id } } } }", Map.of()).cost())
			.isEqualTo(62);
	}

	@Test
	void firstAboveTheSchemaMaximumCostsAsTheMaximum() {
		// The field itself rejects first: 100000 naming the argument; 1 + 500 x 3 + 500 x
		// 3
		assertThat(measure("{ desktops(first: 100000) { edges { node { id } } } }", Map.of()).cost()).isEqualTo(3001);
	}

	@Test
	void connectionWithoutFirstUsesTheDefaultPageSize() {
		// 1 + 20 x 3 + 20 x 3
		assertThat(measure("{ desktops { edges { node { id } } } }", Map.of()).cost()).isEqualTo(121);
	}

	@Test
	void fanOutCountsOnlyMatchingAccounts() {
		assertThat(measure("{ desktops(vendors: [HUAWEI], first: 10) { edges { node { id } } } }", Map.of()).cost())
			.isEqualTo(1 + 20 + 30);
		assertThat(measure(
				"query($ids: [ID!], $n: Int) { desktops(accountIds: $ids, first: $n) { edges { node { id } } } }",
				Map.of("ids", List.of("ali-1"), "n", 10))
			.cost()).isEqualTo(1 + 10 + 30);
	}

	@Test
	void fragmentsAreExpandedForDepthAliasesAndCost() {
		QueryAnalyzer.Measure measure = measure("""
				{ desktops(first: 1) { edges { node { ...D } } } }
				fragment D on Desktop { a: id b: usage { desktop { ...U } } }
				fragment U on Desktop { c: usage { seconds } }
				""", Map.of());
		assertThat(measure.depth()).isEqualTo(7);
		assertThat(measure.aliases()).isEqualTo(3);
		// 1 + 1 x 3 accounts + 1 x (edges node a b desktop c seconds = 7)
		assertThat(measure.cost()).isEqualTo(1 + 3 + 7);
	}

	@Test
	void introspectionIsNotedButNotCounted() {
		QueryAnalyzer.Measure measure = measure("{ __schema { types { fields { name } } } __typename }", Map.of());
		assertThat(measure).isEqualTo(new QueryAnalyzer.Measure(0, 0, 0, true));
	}

	private static QueryAnalyzer.Measure measure(String text, Map<String, Object> variables) {
		Document document = Parser.parse(text);
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, (fragment) -> fragment));
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		return new QueryAnalyzer(SCHEMA, fragments, variables, ACCOUNTS).measure(operation.getSelectionSet(),
				SCHEMA.getQueryType());
	}

}
