package io.deskgraph.system.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.DrainJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the upstream-call budget holds while a request runs, when the estimate made
 * before execution could not know how many pages the vendor would answer.
 *
 * @author DeskGraph
 */
@TestPropertySource(
		properties = { "deskgraph.limits.max-upstream-calls=3", "deskgraph.simulator.huawei.desktops=1000" })
class UpstreamCallBudgetTests extends DefaultLimitsTestSupport {

	@Autowired
	private DrainJobs drains;

	@Test
	void callsBeyondTheBudgetAreNotMadeAndTheFieldIsABadRequest() {
		String range = "range: {from: \"" + today().minusDays(10) + "\", to: \"" + today().minusDays(1) + "\"}";
		Map<String, Object> first = post(
				"{ desktopUsage(" + range + ", vendors: [HUAWEI], first: 50) { totalCount pageInfo { endCursor } } }");
		@SuppressWarnings("unchecked")
		String cursor = (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) first.get("data"))
			.get("desktopUsage")).get("pageInfo")).get("endCursor");
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isOne();
		this.upstream.invalidateAll();
		// 300 results after the 50th are estimated at three pages of 100 but span four
		// (offsets 0 to 300): the fourth is never fetched.
		Map<String, Object> response = post("{ desktopUsage(" + range + ", vendors: [HUAWEI], first: 300, after: \""
				+ cursor + "\") { totalCount } }");
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("limit", "maxUpstreamCalls")
				.containsEntry("max", 3);
		});
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isLessThanOrEqualTo(1 + 3);
		// A question estimated beyond the budget is refused before any call. The usage
		// window's drain may still be fetching its pages in the background: counted once
		// it is done.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.drains.running() == 0);
		long before = huaweiCalls("ListUsedDesktopInfo");
		Map<String, Object> refused = post(
				"{ desktopUsage(" + range + ", vendors: [HUAWEI], first: 400) { totalCount } }");
		assertThat(extensions(errors(refused).get(0))).containsEntry("limit", "maxUpstreamCalls")
			.containsEntry("actual", 4);
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(before);
	}

	@Test
	void detailLookupsOfEntitiesCountAHundredDesktopsACallBeforeExecution() {
		List<Map<String, Object>> representations = this.huawei.estate()
			.desktops()
			.stream()
			.limit(301)
			.map((desktop) -> Map.<String, Object>of("__typename", "Desktop", "id",
					"huawei:huawei-demo:" + desktop.id()))
			.toList();
		String query = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id name } } }";
		// 301 desktops take four calls of at most 100 ids: refused before any.
		Map<String, Object> refused = post(query, Map.of("r", representations));
		assertThat(extensions(errors(refused).get(0))).as("%s", refused)
			.containsEntry("limit", "maxUpstreamCalls")
			.containsEntry("actual", 4);
		assertThat(huaweiCalls("ListDesktopsDetail")).isZero();
		// 300 take three, within the budget.
		Map<String, Object> answered = post(query, Map.of("r", representations.subList(0, 300)));
		assertThat(answered).as("%s", answered).doesNotContainKey("errors");
		assertThat(huaweiCalls("ListDesktopsDetail")).isEqualTo(3);
		// Without a field of the vendor's, no lookup is counted or made.
		Map<String, Object> idsOnly = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id nativeId } } }",
				Map.of("r", representations));
		assertThat(idsOnly).as("%s", idsOnly).doesNotContainKey("errors");
		assertThat(huaweiCalls("ListDesktopsDetail")).isEqualTo(3);
	}

	@Test
	void detailLookupsOfDesktopUsageByIdsCountTheIdsOfEachAccount() {
		List<String> ids = this.huawei.estate()
			.desktops()
			.stream()
			.limit(301)
			.map((desktop) -> "huawei:huawei-demo:" + desktop.id())
			.toList();
		Map<String, Object> range = Map.of("from", today().minusDays(6).toString(), "to",
				today().minusDays(1).toString());
		String named = "query($range: DateRange!, $ids: [ID!]) { desktopUsage(range: $range, desktopIds: $ids) "
				+ "{ edges { node { desktop { id name } } } } }";
		// One page of usage and four lookups of at most 100 ids: refused before any call.
		Map<String, Object> refused = post(named, Map.of("range", range, "ids", ids));
		assertThat(extensions(errors(refused).get(0))).as("%s", refused)
			.containsEntry("limit", "maxUpstreamCalls")
			.containsEntry("actual", 5);
		assertThat(vendorCalls()).isZero();
		// 200 ids count two lookups; only the desktops of the page (20 rows) are looked
		// up.
		Map<String, Object> answered = post(named, Map.of("range", range, "ids", ids.subList(0, 200)));
		assertThat(answered).as("%s", answered).doesNotContainKey("errors");
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
	}

}
