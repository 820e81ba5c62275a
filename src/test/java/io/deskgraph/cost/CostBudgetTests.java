package io.deskgraph.cost;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that cost advice is counted in the request's vendor-call budget before execution:
 * per account one inventory and one whole desktop ranking, the two fields sharing them, a
 * whole Huawei ranking estimated from the account's size once known.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = "deskgraph.limits.max-upstream-calls=5")
class CostBudgetTests extends CostTestSupport {

	private static final String BOTH = """
			query($range: DateRange!, $vendors: [Vendor!]) {
			  billingAdvice(range: $range, vendors: $vendors, first: 5) { totalCount }
			  costSummary(range: $range, vendors: $vendors) { desktops }
			}""";

	private static final String ADVICE_TOTAL = """
			query($range: DateRange!, $vendors: [Vendor!]) {
			  billingAdvice(range: $range, vendors: $vendors, first: 5) { totalCount }
			}""";

	@Test
	void adviceEstimatedBeyondTheBudgetIsRefusedBeforeAnyVendorCall() {
		Map<String, Object> range = range(today().minusDays(15), today().minusDays(2));
		// Huawei: inventory 1 + ranking 1 (size not known yet); Alibaba: inventory of
		// each
		// of its 3 regions + ranking 1.
		Map<String, Object> refused = post(BOTH, Map.of("range", range));
		assertThat(errors(refused)).as("%s", refused).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("limit", "maxUpstreamCalls")
				.containsEntry("actual", 6);
		});
		assertThat(vendorCalls()).isZero();

		// Answered within the budget: Huawei one inventory drain and three ranking pages,
		// Alibaba three inventory drains and one ranking drain.
		Map<String, Object> huawei = post(ADVICE_TOTAL, Map.of("range", range, "vendors", List.of("HUAWEI")));
		assertThat(huawei).as("%s", huawei).doesNotContainKey("errors");
		assertThat(map(map(huawei, "data"), "billingAdvice").get("totalCount"))
			.isEqualTo(this.huawei.estate().desktops().size());
		Map<String, Object> alibaba = post(ADVICE_TOTAL, Map.of("range", range, "vendors", List.of("ALIBABA")));
		assertThat(alibaba).as("%s", alibaba).doesNotContainKey("errors");

		// Now that Huawei told its size, its whole ranking is estimated at three pages.
		long calls = vendorCalls();
		Map<String, Object> again = post(BOTH, Map.of("range", range(today().minusDays(16), today().minusDays(2))));
		assertThat(extensions(errors(again).get(0))).containsEntry("limit", "maxUpstreamCalls")
			.containsEntry("actual", 8);
		assertThat(vendorCalls()).isEqualTo(calls);
	}

}
