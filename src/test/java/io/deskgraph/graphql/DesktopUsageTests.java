package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.deskgraph.simulator.huawei.HuaweiDesktop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code desktopUsage} over real HTTP against the Huawei simulator.
 *
 * @author DeskGraph
 */
class DesktopUsageTests extends GatewayTestSupport {

	@Test
	void dailyUsageMatchesTheEstateDayByDay() {
		LocalDate from = today().minusDays(6);
		LocalDate to = today().minusDays(1);
		List<UsageEdge> edges = huawei("desktopUsage").variable("range", range(from, to))
			.variable("first", 50)
			.execute()
			.path("desktopUsage.totalCount")
			.entity(Integer.class)
			.isEqualTo(estate().desktops().size())
			.path("desktopUsage.edges")
			.entityList(UsageEdge.class)
			.hasSize(50)
			.get();
		for (UsageEdge edge : edges) {
			String nativeId = edge.node().desktop().nativeId();
			assertThat(edge.node().total().seconds()).isEqualTo(estateUsage(nativeId, from, to));
			for (PointView point : edge.node().points()) {
				assertThat(point.hour()).isNull();
				assertThat(point.duration().seconds())
					.isEqualTo(estate().usageSeconds(nativeId, LocalDate.parse(point.date())));
			}
			assertThat(edge.node().points().stream().mapToLong((point) -> point.duration().seconds()).sum())
				.isEqualTo(edge.node().total().seconds());
		}
	}

	@Test
	void windowOverThirtyOneDaysIsSplitIntoVendorCallsAndMerged() {
		LocalDate from = today().minusDays(75);
		LocalDate to = today().minusDays(1);
		List<UsageEdge> edges = huawei("desktopUsage").variable("range", range(from, to))
			.variable("first", 30)
			.execute()
			.path("desktopUsage.edges")
			.entityList(UsageEdge.class)
			.hasSize(30)
			.get();
		for (UsageEdge edge : edges) {
			assertThat(edge.node().total().seconds())
				.isEqualTo(estateUsage(edge.node().desktop().nativeId(), from, to));
			List<String> dates = edge.node().points().stream().map(PointView::date).toList();
			assertThat(dates).isSorted().doesNotHaveDuplicates();
		}
		// 75 days = 3 windows of at most 31 days; each window drains ceil(300 / 100)
		// pages.
		int pagesPerWindow = (estate().desktops().size() + 99) / 100;
		assertThat(upstreamCalls("ListUsedDesktopInfo")).isEqualTo(3L * pagesPerWindow);
	}

	@Test
	void pagingThroughCursorsVisitsEveryDesktopOnce() {
		LocalDate day = today().minusDays(2);
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = huawei("desktopUsage").variable("range", range(day, day))
				.variable("first", 120)
				.variable("after", after)
				.execute();
			List<UsageEdge> edges = response.path("desktopUsage.edges").entityList(UsageEdge.class).get();
			PageInfoView pageInfo = response.path("desktopUsage.pageInfo").entity(PageInfoView.class).get();
			edges.forEach((edge) -> seen.add(edge.node().desktop().nativeId()));
			hasNext = pageInfo.hasNextPage();
			after = pageInfo.endCursor();
		}
		assertThat(seen).hasSize(estate().desktops().size());
		assertThat(new HashSet<>(seen)).hasSize(seen.size());
	}

	@Test
	void hourlyUsageHasHoursThatAddUpToTheDay() {
		LocalDate day = today().minusDays(3);
		List<UsageEdge> edges = huawei("desktopUsage").variable("range", range(day, day))
			.variable("granularity", "HOUR")
			.variable("first", 40)
			.execute()
			.path("desktopUsage.edges")
			.entityList(UsageEdge.class)
			.get();
		long checked = 0;
		for (UsageEdge edge : edges) {
			String nativeId = edge.node().desktop().nativeId();
			for (PointView point : edge.node().points()) {
				assertThat(point.hour()).isBetween(0, 23);
				assertThat(point.duration().seconds())
					.isEqualTo(estate().usageSeconds(nativeId, LocalDate.parse(point.date()), point.hour()));
				checked++;
			}
			assertThat(edge.node().total().seconds()).isEqualTo(estate().usageSeconds(nativeId, day));
		}
		assertThat(checked).isPositive();
	}

	@Test
	void desktopIdsAndUserNameNarrowTheReport() {
		LocalDate from = today().minusDays(10);
		LocalDate to = today().minusDays(1);
		HuaweiDesktop used = estate().desktops()
			.stream()
			.filter((desktop) -> desktop.userName() != null && estateUsage(desktop.id(), from, to) > 0)
			.findFirst()
			.orElseThrow();
		huawei("desktopUsage").variable("range", range(from, to))
			.variable("desktopIds", List.of("huawei:huawei-demo:" + used.id()))
			.execute()
			.path("desktopUsage.edges[*].node.desktop.nativeId")
			.entityList(String.class)
			.containsExactly(used.id())
			.path("desktopUsage.edges[0].node.total.seconds")
			.entity(Long.class)
			.isEqualTo(estateUsage(used.id(), from, to));
		huawei("desktopUsage").variable("range", range(from, to))
			.variable("userName", used.userName())
			.variable("first", 100)
			.execute()
			.path("desktopUsage.edges[*].node.userName")
			.entityList(String.class)
			.satisfies((names) -> assertThat(names).isNotEmpty().allMatch(used.userName()::equals));
	}

}
