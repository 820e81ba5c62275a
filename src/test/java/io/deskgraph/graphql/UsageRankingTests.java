package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code usageRanking} and the batched {@code Desktop.usage} over real HTTP.
 *
 * @author DeskGraph
 */
class UsageRankingTests extends GatewayTestSupport {

	@Test
	void rankingByDesktopPagedThroughCursorsEqualsOneLargePage() {
		Map<String, Object> range = range(today().minusDays(30), today().minusDays(1));
		List<RankEdge> paged = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			List<RankEdge> edges = huawei("usageRanking").variable("range", range)
				.variable("first", 7)
				.variable("after", after)
				.execute()
				.path("usageRanking.edges")
				.entityList(RankEdge.class)
				.hasSize(7)
				.get();
			paged.addAll(edges);
			after = edges.get(6).cursor();
		}
		List<RankEdge> single = huawei("usageRanking").variable("range", range)
			.variable("first", 21)
			.execute()
			.path("usageRanking.edges")
			.entityList(RankEdge.class)
			.get();
		assertThat(paged).extracting((edge) -> edge.node().desktop().id())
			.containsExactlyElementsOf(single.stream().map((edge) -> edge.node().desktop().id()).toList());
		assertThat(paged).extracting((edge) -> edge.node().rank())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 21).boxed().toList());
		assertThat(new HashSet<>(paged.stream().map((edge) -> edge.node().desktop().id()).toList())).hasSize(21);
	}

	@Test
	void rankingByDesktopIsLongestFirstAndMatchesTheEstate() {
		LocalDate from = today().minusDays(14);
		LocalDate to = today().minusDays(1);
		List<RankEdge> edges = huawei("usageRanking").variable("range", range(from, to))
			.variable("first", 40)
			.execute()
			.path("usageRanking.totalCount")
			.entity(Integer.class)
			.isEqualTo(estate().desktops().size())
			.path("usageRanking.sources[0].state")
			.entity(String.class)
			.isEqualTo("OK")
			.path("usageRanking.edges")
			.entityList(RankEdge.class)
			.get();
		List<Long> seconds = edges.stream().map((edge) -> edge.node().duration().seconds()).toList();
		assertThat(seconds).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(seconds.get(0)).isPositive();
		for (RankEdge edge : edges) {
			assertThat(edge.node().duration().seconds())
				.isEqualTo(aggregatedUsage(edge.node().desktop().nativeId(), from, to));
			assertThat(edge.node().desktop().id()).isEqualTo("huawei:huawei-demo:" + edge.node().desktop().nativeId());
			assertThat(edge.node().desktop().name()).isNotBlank();
			assertThat(edge.node().duration().hours())
				.isEqualTo(Math.round(edge.node().duration().seconds() / 36.0) / 100.0);
		}
	}

	@Test
	void rankingByUserSumsTheUsersDesktops() {
		LocalDate from = today().minusDays(20);
		LocalDate to = today().minusDays(1);
		List<RankEdge> edges = huawei("usageRanking").variable("range", range(from, to))
			.variable("by", "USER")
			.variable("first", 15)
			.execute()
			.path("usageRanking.edges")
			.entityList(RankEdge.class)
			.hasSize(15)
			.get();
		assertThat(edges).extracting((edge) -> edge.node().duration().seconds())
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
		for (RankEdge edge : edges) {
			assertThat(edge.node().desktop()).isNull();
			long expected = estate().desktopsOf(edge.node().userName())
				.stream()
				.mapToLong((desktop) -> aggregatedUsage(desktop.id(), from, to))
				.sum();
			assertThat(edge.node().duration().seconds()).isEqualTo(expected);
		}
	}

	@Test
	void nestedDesktopUsageOfTwentyFiveDesktopsCostsOneUpstreamCall() {
		LocalDate from = today().minusDays(7);
		LocalDate to = today().minusDays(1);
		List<Map<String, Object>> edges = huawei("rankingWithUsage").variable("range", range(from, to))
			.variable("usageRange", range(from, to))
			.variable("first", 25)
			.execute()
			.path("usageRanking.edges")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.hasSize(25)
			.get();
		for (Map<String, Object> edge : edges) {
			@SuppressWarnings("unchecked")
			Map<String, Object> desktop = (Map<String, Object>) ((Map<String, Object>) edge.get("node")).get("desktop");
			@SuppressWarnings("unchecked")
			Map<String, Object> usage = (Map<String, Object>) desktop.get("usage");
			@SuppressWarnings("unchecked")
			long seconds = ((Number) ((Map<String, Object>) usage.get("total")).get("seconds")).longValue();
			assertThat(seconds).isEqualTo(estateUsage((String) desktop.get("nativeId"), from, to));
		}
		assertThat(upstreamCalls("ListUsedDesktopInfo")).isEqualTo(1);
		assertThat(upstreamCalls("ListDesktopUsageMetric")).isEqualTo(1);
	}

	private long aggregatedUsage(String nativeId, LocalDate from, LocalDate to) {
		long sum = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (estate().isAggregated(day)) {
				sum += estate().usageSeconds(nativeId, day);
			}
		}
		return sum;
	}

}
