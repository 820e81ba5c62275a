package io.deskgraph.graphql;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.alibaba.AlibabaEstate;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the Alibaba ECD account in demo mode, and of rankings merged across
 * both vendors, over real HTTP against both simulators.
 *
 * @author DeskGraph
 */
class AlibabaQueriesTests extends GatewayTestSupport {

	private static final String REGION = "cn-shanghai";

	@Test
	void rankingByDesktopThroughSeveralPagesHasNoGapsOrDuplicates() {
		LocalDate from = aliToday().minusDays(14);
		LocalDate to = aliToday().minusDays(1);
		List<RankEdge> all = drain(alibabaOnly("usageRanking").variable("range", range(from, to)), 9);
		Map<String, Long> expected = new HashMap<>();
		for (AlibabaDesktop desktop : aliEstate().desktops(REGION)) {
			long seconds = aliEstate().desktopUsageSeconds(desktop.desktopId(), from, to);
			if (seconds > 0) {
				expected.put(desktop.desktopId(), seconds);
			}
		}
		assertThat(all).hasSize(expected.size()).hasSizeGreaterThan(18);
		assertThat(all).extracting((edge) -> edge.node().rank())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, all.size()).boxed().toList());
		assertThat(all).extracting((edge) -> edge.node().duration().seconds())
			.isSortedAccordingTo(Comparator.reverseOrder());
		for (RankEdge edge : all) {
			assertThat(edge.node().desktop().id())
				.isEqualTo("alibaba:alibaba-demo:" + edge.node().desktop().nativeId());
			assertThat(edge.node().duration().seconds()).isEqualTo(expected.get(edge.node().desktop().nativeId()));
			assertThat(edge.node().desktop().name())
				.isEqualTo(aliEstate().desktop(edge.node().desktop().nativeId()).orElseThrow().desktopName());
		}
	}

	@Test
	void rankingByUserSumsEachEndUsersDesktops() {
		LocalDate from = aliToday().minusDays(10);
		LocalDate to = aliToday().minusDays(1);
		List<RankEdge> all = drain(
				alibabaOnly("usageRanking").variable("range", range(from, to)).variable("by", "USER"), 25);
		Map<String, Long> expected = new HashMap<>();
		for (AlibabaDesktop desktop : aliEstate().desktops(REGION)) {
			for (String user : desktop.endUserIds()) {
				long seconds = aliEstate().usageSeconds(desktop.desktopId(), user, from, to);
				if (seconds > 0) {
					expected.merge(user, seconds, Long::sum);
				}
			}
		}
		assertThat(all).extracting((edge) -> edge.node().userName())
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(all).extracting((edge) -> edge.node().duration().seconds())
			.isSortedAccordingTo(Comparator.reverseOrder());
		all.forEach(
				(edge) -> assertThat(edge.node().duration().seconds()).isEqualTo(expected.get(edge.node().userName())));
	}

	@Test
	void statusCountsTheRegionsDesktops() {
		List<AlibabaDesktop> desktops = aliEstate().desktops(REGION);
		Set<String> active = Set.of("Running", "Pending", "Starting", "Rebuilding", "Waking");
		alibabaOnly("desktopStatus").execute()
			.path("desktopStatus.total")
			.entity(Integer.class)
			.isEqualTo(desktops.size())
			.path("desktopStatus.run.active")
			.entity(Integer.class)
			.isEqualTo((int) desktops.stream().filter((desktop) -> active.contains(desktop.desktopStatus())).count())
			.path("desktopStatus.attach.attached")
			.entity(Integer.class)
			.isEqualTo((int) desktops.stream().filter((desktop) -> !desktop.endUserIds().isEmpty()).count())
			.path("desktopStatus.login.inUse")
			.entity(Integer.class)
			.isEqualTo(
					(int) desktops.stream().filter((desktop) -> "Connected".equals(desktop.connectionStatus())).count())
			.path("desktopStatus.pools")
			.entityList(Object.class)
			.hasSize(0)
			.path("desktopStatus.sources[0].state")
			.entity(String.class)
			.isEqualTo("OK");
	}

	@Test
	void statusOverBothVendorsAddsUp() {
		int huawei = estate().desktops().size();
		int alibaba = aliEstate().desktops(REGION).size();
		this.graphQlTester.documentName("desktopStatus")
			.execute()
			.path("desktopStatus.total")
			.entity(Integer.class)
			.isEqualTo(huawei + alibaba)
			.path("desktopStatus.byAccount[*].total")
			.entityList(Integer.class)
			.containsExactly(huawei, alibaba);
	}

	@Test
	void idleDesktopsAreTheRegionsDesktopsWithoutUsage() {
		LocalDate from = aliToday().minusDays(14);
		LocalDate until = aliToday();
		// Midnights of the account's days, so that the window covers whole days of it.
		ZoneId zone = aliEstate().dayZone();
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = alibabaOnly("idleDesktops").variable("since", from.atStartOfDay(zone).toInstant().toString())
				.variable("until", until.atStartOfDay(zone).toInstant().toString())
				.variable("first", 7)
				.variable("after", after)
				.execute();
			seen.addAll(response.path("idleDesktops.edges[*].node.desktop.nativeId").entityList(String.class).get());
			PageInfoView pageInfo = response.path("idleDesktops.pageInfo").entity(PageInfoView.class).get();
			hasNext = pageInfo.hasNextPage();
			after = pageInfo.endCursor();
		}
		Set<String> expected = aliEstate().desktops(REGION)
			.stream()
			.filter((desktop) -> desktop.creationTime().isBefore(until.atStartOfDay(zone).toInstant()))
			.filter((desktop) -> aliEstate().desktopUsageSeconds(desktop.desktopId(), from, until.minusDays(1)) == 0)
			.map(AlibabaDesktop::desktopId)
			.collect(Collectors.toSet());
		assertThat(expected).isNotEmpty();
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(new HashSet<>(seen)).isEqualTo(expected);
	}

	@Test
	void desktopUsageHasDailyPointsThatAddUpToTheEstate() {
		LocalDate from = aliToday().minusDays(4);
		LocalDate to = aliToday().minusDays(1);
		List<UsageEdge> edges = alibabaOnly("desktopUsage").variable("range", range(from, to))
			.variable("first", 30)
			.execute()
			.path("desktopUsage.edges")
			.entityList(UsageEdge.class)
			.get();
		assertThat(edges).isNotEmpty();
		for (UsageEdge edge : edges) {
			String desktopId = edge.node().desktop().nativeId();
			assertThat(edge.node().total().seconds())
				.isEqualTo(aliEstate().usageSeconds(desktopId, edge.node().userName(), from, to));
			for (PointView point : edge.node().points()) {
				assertThat(point.duration().seconds()).isEqualTo(
						aliEstate().usageSeconds(desktopId, edge.node().userName(), LocalDate.parse(point.date())));
			}
			assertThat(edge.node().points().stream().mapToLong((point) -> point.duration().seconds()).sum())
				.isEqualTo(edge.node().total().seconds());
		}
	}

	@Test
	void mergedRankingIsBothVendorsRankingsInterleavedLongestFirst() {
		LocalDate from = today().minusDays(7);
		LocalDate to = today().minusDays(1);
		List<RankEdge> merged = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 4; page++) {
			List<RankEdge> edges = this.graphQlTester.documentName("usageRanking")
				.variable("range", range(from, to))
				.variable("first", 10)
				.variable("after", after)
				.execute()
				.path("usageRanking.edges")
				.entityList(RankEdge.class)
				.hasSize(10)
				.get();
			merged.addAll(edges);
			after = edges.get(9).cursor();
		}
		List<RankEdge> huawei = huawei("usageRanking").variable("range", range(from, to))
			.variable("first", 40)
			.execute()
			.path("usageRanking.edges")
			.entityList(RankEdge.class)
			.get();
		List<RankEdge> alibaba = alibabaOnly("usageRanking").variable("range", range(from, to))
			.variable("first", 40)
			.execute()
			.path("usageRanking.edges")
			.entityList(RankEdge.class)
			.get();
		List<Long> expected = new ArrayList<>();
		huawei.forEach((edge) -> expected.add(edge.node().duration().seconds()));
		alibaba.forEach((edge) -> expected.add(edge.node().duration().seconds()));
		expected.sort(Comparator.reverseOrder());
		assertThat(merged).extracting((edge) -> edge.node().duration().seconds())
			.containsExactlyElementsOf(expected.subList(0, 40));
		assertThat(merged).extracting((edge) -> edge.node().desktop().id()).doesNotHaveDuplicates();
		assertThat(merged).extracting((edge) -> edge.node().rank())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
		assertThat(merged).extracting((edge) -> edge.node().desktop().accountId())
			.contains("huawei-demo", "alibaba-demo");
	}

	@Test
	void windowOverNinetyDaysNamesTheLimit() {
		alibabaOnly("usageRanking").variable("range", range(aliToday().minusDays(91), aliToday().minusDays(1)))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).startsWith("range:").contains("90 days");
			}));
	}

	@Test
	void hourlyUsageIsUnsupportedForAlibabaNotAnError() {
		this.graphQlTester.documentName("desktopUsage")
			.variable("range", range(today().minusDays(1), today().minusDays(1)))
			.variable("granularity", "HOUR")
			.variable("first", 1)
			.execute()
			.errors()
			.verify()
			.path("desktopUsage.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "UNSUPPORTED");
	}

	private List<RankEdge> drain(GraphQlTester.Request<?> request, int first) {
		List<RankEdge> all = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = request.variable("first", first).variable("after", after).execute();
			all.addAll(response.path("usageRanking.edges").entityList(RankEdge.class).get());
			PageInfoView pageInfo = response.path("usageRanking.pageInfo").entity(PageInfoView.class).get();
			hasNext = pageInfo.hasNextPage();
			after = pageInfo.endCursor();
		}
		return all;
	}

	private GraphQlTester.Request<?> alibabaOnly(String documentName) {
		return this.graphQlTester.documentName(documentName).variable("accountIds", List.of("alibaba-demo"));
	}

	private AlibabaEstate aliEstate() {
		return this.alibaba.estate();
	}

	private LocalDate aliToday() {
		return aliEstate().today();
	}

}
