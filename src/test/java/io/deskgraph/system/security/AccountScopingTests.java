package io.deskgraph.system.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for per-key account scoping: a key scoped to {@code huawei-demo} sees nothing of
 * {@code alibaba-demo} (nor does its usage trend sum it), and asking for it is answered
 * like asking for an unknown account.
 *
 * @author DeskGraph
 */
class AccountScopingTests extends SecurityTestSupport {

	@Autowired
	private AlibabaSimulator alibaba;

	@Test
	void accountsListsOnlyTheKeysAccounts() {
		withKey(HUAWEI_KEY).document("{ accounts { id } }")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo");
	}

	@Test
	void unscopedKeySeesEveryAccount() {
		withKey(OPS_KEY).document("{ desktopStatus { sources { accountId } } }")
			.execute()
			.path("desktopStatus.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
	}

	@Test
	void desktopStatusFansOutOnlyToTheKeysAccounts() {
		withKey(HUAWEI_KEY).document("{ desktopStatus { total byAccount { account { id } } sources { accountId } } }")
			.execute()
			.path("desktopStatus.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("huawei-demo")
			.path("desktopStatus.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("huawei-demo");
	}

	@Test
	void usageRankingHasOnlyTheKeysEdgesAndSources() {
		withKey(HUAWEI_KEY).documentName("usageRanking")
			.variable("range", range())
			.variable("first", 50)
			.execute()
			.path("usageRanking.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("huawei-demo")
			.path("usageRanking.edges[*].node.desktop.accountId")
			.entityList(String.class)
			.hasSizeGreaterThan(0)
			.satisfies((ids) -> assertThat(ids).containsOnly("huawei-demo"));
	}

	@Test
	void anotherAccountInAccountIdsIsAnUnknownAccount() {
		String hidden = unknownAccountMessage(ranking(List.of("alibaba-demo")));
		String unknown = unknownAccountMessage(ranking(List.of("nowhere")));
		assertThat(hidden).isEqualTo(unknown.replace("nowhere", "alibaba-demo"))
			.startsWith("unknown account 'alibaba-demo'")
			.doesNotContain("ALIBABA");
	}

	@Test
	void anotherAccountsDesktopInDesktopIdsIsAnUnknownAccount() {
		String desktopId = "alibaba:alibaba-demo:" + this.alibaba.estate().desktops("cn-shanghai").get(0).desktopId();
		GraphQlTester.Response response = withKey(HUAWEI_KEY).documentName("desktopUsage")
			.variable("range", range())
			.variable("desktopIds", List.of(desktopId))
			.execute();
		assertThat(unknownAccountMessage(response)).startsWith("unknown account 'alibaba-demo'");
	}

	@Test
	void anotherAccountsExportTaskIsAnUnknownAccount() {
		GraphQlTester.Response response = withKey(HUAWEI_KEY)
			.document("{ exportTask(id: \"alibaba:alibaba-demo:task-1\") { id } }")
			.execute();
		assertThat(unknownAccountMessage(response)).startsWith("unknown account 'alibaba-demo'");
	}

	@Test
	void exportForAnotherAccountIsAnUnknownAccount() {
		GraphQlTester.Response response = withKey(HUAWEI_KEY).documentName("startExport")
			.variable("input", Map.of("accountId", "alibaba-demo", "range", range()))
			.execute();
		assertThat(unknownAccountMessage(response)).startsWith("unknown account 'alibaba-demo'");
	}

	@Test
	void anotherAccountsEntityIsAnUnknownAccount() {
		String desktopId = "alibaba:alibaba-demo:" + this.alibaba.estate().desktops("cn-shanghai").get(0).desktopId();
		GraphQlTester.Response response = withKey(HUAWEI_KEY)
			.document("query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id } } }")
			.variable("r", List.of(Map.of("__typename", "Desktop", "id", desktopId)))
			.execute();
		assertThat(unknownAccountMessage(response)).startsWith("unknown account 'alibaba-demo'");
	}

	@Test
	void aScopedKeysTrendIsItsAccountsAlone() {
		GraphQlTester.Response response = withKey(HUAWEI_KEY).documentName("usageTrend")
			.variable("range", range())
			.execute();
		response.path("usageTrend.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("huawei-demo")
			.path("usageTrend.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("huawei-demo");
		List<Long> accountDays = response.path("usageTrend.byAccount[0].points[*].duration.seconds")
			.entityList(Long.class)
			.hasSize(7)
			.get();
		response.path("usageTrend.points[*].duration.seconds").entityList(Long.class).isEqualTo(accountDays);
		assertThat(accountDays).anySatisfy((seconds) -> assertThat(seconds).isPositive());
	}

	@Test
	void anUnscopedKeysTrendSumsEveryAccount() {
		withKey(OPS_KEY).documentName("usageTrend")
			.variable("range", range())
			.execute()
			.path("usageTrend.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo");
	}

	@Test
	void anotherAccountInAUsageTrendIsAnUnknownAccount() {
		String hidden = unknownAccountMessage(trend(List.of("alibaba-demo")));
		String unknown = unknownAccountMessage(trend(List.of("nowhere")));
		assertThat(hidden).isEqualTo(unknown.replace("nowhere", "alibaba-demo"))
			.startsWith("unknown account 'alibaba-demo'");
	}

	private GraphQlTester.Response trend(List<String> accountIds) {
		return withKey(HUAWEI_KEY).documentName("usageTrend")
			.variable("range", range())
			.variable("accountIds", accountIds)
			.execute();
	}

	private GraphQlTester.Response ranking(List<String> accountIds) {
		return withKey(HUAWEI_KEY).documentName("usageRanking")
			.variable("range", range())
			.variable("accountIds", accountIds)
			.execute();
	}

	private static Map<String, Object> range() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return Map.of("from", today.minusDays(7).toString(), "to", today.minusDays(1).toString());
	}

}
