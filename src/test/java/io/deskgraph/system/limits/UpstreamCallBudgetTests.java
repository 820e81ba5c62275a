package io.deskgraph.system.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the upstream-call budget holds while a request runs, when the estimate made
 * before execution could not know how many pages the vendor would answer.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = "deskgraph.limits.max-upstream-calls=3")
class UpstreamCallBudgetTests extends DefaultLimitsTestSupport {

	@Test
	void callsBeyondTheBudgetAreNotMadeAndTheFieldIsABadRequest() {
		// Two 31-day windows, each estimated at one page before any answer was seen;
		// each window has three pages of 100 desktops, drained whole to merge them.
		Map<String, Object> response = post("{ desktopUsage(range: {from: \"" + today().minusDays(61) + "\", to: \""
				+ today().minusDays(1) + "\"}, vendors: [HUAWEI], first: 1) { totalCount } }");
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("limit", "maxUpstreamCalls")
				.containsEntry("max", 3);
		});
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isLessThanOrEqualTo(3);
		// Now the connector knows the pages: the same question is refused before any
		// call.
		long before = huaweiCalls("ListUsedDesktopInfo");
		Map<String, Object> again = post("{ desktopUsage(range: {from: \"" + today().minusDays(62) + "\", to: \""
				+ today().minusDays(2) + "\"}, vendors: [HUAWEI], first: 1) { totalCount } }");
		assertThat(extensions(errors(again).get(0))).containsEntry("limit", "maxUpstreamCalls")
			.containsEntry("actual", 6);
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(before);
	}

}
