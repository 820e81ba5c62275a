package io.deskgraph.system.limits;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over real HTTP, with the default limits and quotas, that a Huawei user ranking
 * over more than the 30 days ListUserUsageMetric takes is split into windows and summed
 * per user, agreeing with the rankings of the windows asked one by one.
 *
 * @author DeskGraph
 */
class UserRankingAcrossWindowsTests extends DefaultLimitsTestSupport {

	@Test
	void aSixtyDayUserRankingIsTheSumOfItsTwoThirtyDayWindows() {
		LocalDate from = today().minusDays(61);
		LocalDate middle = from.plusDays(29);
		LocalDate to = from.plusDays(59);
		// Cold: each 30-day window drained whole, one after the other.
		List<Map<String, Object>> split = ranking(from, to);
		long splitCalls = huaweiCalls("ListUserUsageMetric");
		assertThat(splitCalls).isBetween(2L, 2 * pagesOf(split.size()));
		Map<String, Long> expected = new HashMap<>();
		for (LocalDate[] window : new LocalDate[][] { { from, middle }, { middle.plusDays(1), to } }) {
			for (Map<String, Object> node : ranking(window[0], window[1])) {
				expected.merge((String) node.get("userName"), seconds(node), Long::sum);
			}
		}
		// The windows asked one by one read the pages the split fetched.
		assertThat(huaweiCalls("ListUserUsageMetric")).isEqualTo(splitCalls);
		assertThat(split).hasSize(expected.size());
		for (Map<String, Object> node : split) {
			assertThat(seconds(node)).as("user %s", node.get("userName")).isEqualTo(expected.get(node.get("userName")));
		}
		assertThat(split).extracting(UserRankingAcrossWindowsTests::seconds)
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(split).extracting((node) -> ((Number) node.get("rank")).intValue())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, split.size()).boxed().toList());
	}

	private static long pagesOf(int users) {
		return (users + 99) / 100;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> ranking(LocalDate from, LocalDate to) {
		Map<String, Object> response = post("{ usageRanking(range: {from: \"" + from + "\", to: \"" + to
				+ "\"}, by: USER, vendors: [HUAWEI], first: 500) { totalCount edges { node { rank userName "
				+ "duration { seconds } } } sources { accountId state } } }");
		assertThat(response.get("errors")).as("%s", response).isNull();
		Map<String, Object> ranking = (Map<String, Object>) ((Map<String, Object>) response.get("data"))
			.get("usageRanking");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) ranking.get("edges");
		assertThat(((Number) ranking.get("totalCount")).intValue()).isEqualTo(edges.size());
		return edges.stream().map((edge) -> (Map<String, Object>) edge.get("node")).toList();
	}

	@SuppressWarnings("unchecked")
	private static long seconds(Map<String, Object> node) {
		return ((Number) ((Map<String, Object>) node.get("duration")).get("seconds")).longValue();
	}

}
