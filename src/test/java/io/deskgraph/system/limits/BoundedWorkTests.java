package io.deskgraph.system.limits;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every argument driving vendor work is bounded before the work starts, with
 * the default limits: the longest date range and the vendor calls a request may cause.
 *
 * @author DeskGraph
 */
class BoundedWorkTests extends DefaultLimitsTestSupport {

	@Test
	void rangeFromTheBeginningOfTimeIsRejectedBeforeAnyWork() {
		Map<String, Object> response = post("{ desktopUsage(range: {from: \"-999999999-01-01\", to: \"" + today()
				+ "\"}, vendors: [HUAWEI], first: 1) { totalCount } }");
		assertBadRequest(response, "range", "deskgraph.limits.max-range-days");
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void rangeFromTheBeginningOfTimeIsRejectedThroughFederationToo() {
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { usage(range: {from: \"-999999999-01-01\", to: \""
						+ today() + "\"}) { total { seconds } } } } }",
				Map.of("r", List.of(Map.of("__typename", "Desktop", "id",
						"huawei:huawei-demo:" + this.huawei.estate().desktops().get(0).id()))));
		assertThat(errors(response)).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST");
			assertThat((String) error.get("message")).contains("max-range-days");
		});
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void idleWindowFromLongAgoIsRejectedBeforeAnyWork() {
		Map<String, Object> response = post(
				"{ idleDesktops(since: \"1970-01-01T00:00:00Z\", first: 1) { totalCount } }");
		assertBadRequest(response, "since", "max-range-days");
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void yearOfUsageAtTheLimitIsAnswered() {
		Map<String, Object> response = post("{ desktopUsage(range: {from: \"" + today().minusDays(366) + "\", to: \""
				+ today() + "\"}, vendors: [HUAWEI], first: 2) { totalCount edges { node { total { seconds } } } } }");
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		// Twelve 31-day windows, each drained (300 desktops: 3 pages of 100).
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(12 * 3);
	}

	@Test
	void requestImplyingMoreVendorCallsThanItsBudgetIsRejectedBeforeAnyCall() {
		// Daily points over 75 days: Alibaba answers them with one ranking per day.
		Map<String, Object> response = post("{ desktopUsage(range: {from: \"" + today().minusDays(75) + "\", to: \""
				+ today().minusDays(1) + "\"}, first: 5) { edges { node { points { date } } } } }");
		assertThat(errors(response)).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("limit", "maxUpstreamCalls")
				.containsEntry("max", 60);
			assertThat(((Number) extensions(error).get("actual")).intValue()).isGreaterThan(60);
			assertThat((String) error.get("message")).contains("deskgraph.limits.max-upstream-calls");
		});
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void sameRequestWithinItsBudgetIsAnswered() {
		Map<String, Object> response = post("{ desktopUsage(range: {from: \"" + today().minusDays(75) + "\", to: \""
				+ today().minusDays(1) + "\"}, vendors: [HUAWEI], first: 5) { edges { node { points { date } } } } }");
		assertThat(response).as("%s", response).doesNotContainKey("errors");
	}

}
