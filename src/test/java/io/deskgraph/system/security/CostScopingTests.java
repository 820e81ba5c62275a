package io.deskgraph.system.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code billingAdvice} and {@code costSummary} advise only on the accounts of
 * the caller's key, and treat another account like an unknown one.
 *
 * @author DeskGraph
 */
class CostScopingTests extends SecurityTestSupport {

	@Test
	void aScopedKeysAdviceAndSummaryAreItsAccountsAlone() {
		GraphQlTester.Response advice = withKey(HUAWEI_KEY).documentName("billingAdvice")
			.variable("range", range())
			.variable("first", 50)
			.execute();
		advice.path("billingAdvice.sources[*].accountId").entityList(String.class).containsExactly("huawei-demo");
		advice.path("billingAdvice.edges[*].node.desktop.accountId")
			.entityList(String.class)
			.hasSize(50)
			.satisfies((ids) -> assertThat(ids).containsOnly("huawei-demo"));
		GraphQlTester.Response summary = withKey(HUAWEI_KEY).documentName("costSummary")
			.variable("range", range())
			.execute();
		summary.path("costSummary.byAccount[*].account.id").entityList(String.class).containsExactly("huawei-demo");
		summary.path("costSummary.byVendor[*].vendor").entityList(String.class).containsExactly("HUAWEI");
		summary.path("costSummary.currencies[*].currency").entityList(String.class).containsExactly("CNY");
	}

	@Test
	void anotherAccountInAccountIdsIsAnUnknownAccount() {
		for (String document : List.of("billingAdvice", "costSummary")) {
			String hidden = unknownAccountMessage(ask(document, List.of("alibaba-demo")));
			String unknown = unknownAccountMessage(ask(document, List.of("nowhere")));
			assertThat(hidden).isEqualTo(unknown.replace("nowhere", "alibaba-demo"))
				.startsWith("unknown account 'alibaba-demo'");
		}
	}

	private GraphQlTester.Response ask(String document, List<String> accountIds) {
		return withKey(HUAWEI_KEY).documentName(document)
			.variable("range", range())
			.variable("accountIds", accountIds)
			.execute();
	}

	private static Map<String, Object> range() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return Map.of("from", today.minusDays(15).toString(), "to", today.minusDays(2).toString());
	}

}
