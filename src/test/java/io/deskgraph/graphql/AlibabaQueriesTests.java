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
import io.deskgraph.simulator.alibaba.AlibabaSimulatorTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the Alibaba ECD account in demo mode, which covers every region of
 * the simulator's estate, and of rankings merged across both vendors, over real HTTP
 * against both simulators.
 *
 * @author DeskGraph
 */
class AlibabaQueriesTests extends GatewayTestSupport {

	private static final String RANKING = """
			query($range: DateRange!, $first: Int, $after: String) {
			  usageRanking(range: $range, accountIds: ["alibaba-demo"], first: $first, after: $after) {
			    totalCount
			    edges { node { duration { seconds } desktop { nativeId region billingMode vendorBillingMode } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Test
	void rankingByDesktopThroughSeveralPagesHasNoGapsOrDuplicates() {
		LocalDate from = aliToday().minusDays(14);
		LocalDate to = aliToday().minusDays(1);
		List<RankEdge> all = drain(alibabaOnly("usageRanking").variable("range", range(from, to)), 9);
		Map<String, Long> expected = new HashMap<>();
		for (AlibabaDesktop desktop : aliEstate().desktops()) {
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
		for (AlibabaDesktop desktop : aliEstate().desktops()) {
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
	void statusCountsTheDesktopsOfEveryRegion() {
		List<AlibabaDesktop> desktops = aliEstate().desktops();
		assertThat(desktops).extracting(AlibabaDesktop::regionId).containsAll(aliEstate().regions());
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
		// One count per group of run states and one inventory drain in each region.
		long inventoryPages = aliEstate().regions()
			.stream()
			.mapToLong((region) -> Math.max(1, (aliEstate().desktops(region).size() + 99) / 100))
			.sum();
		assertThat(alibabaCalls("DescribeDesktops")).isEqualTo(5L * aliEstate().regions().size() + inventoryPages);
	}

	@Test
	void demoAccountCoversEveryRegionOfTheEstateAndCallsItsOwn() {
		this.graphQlTester.document("{ accounts { id region regions } }")
			.execute()
			.path("accounts[1].id")
			.entity(String.class)
			.isEqualTo("alibaba-demo")
			.path("accounts[1].region")
			.entity(String.class)
			.isEqualTo("cn-shanghai")
			.path("accounts[1].regions")
			.entityList(String.class)
			.containsExactly(aliEstate().regions().toArray(String[]::new));
	}

	@Test
	void statusOverBothVendorsAddsUp() {
		int huawei = estate().desktops().size();
		int alibaba = aliEstate().desktops().size();
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
	void idleDesktopsAreTheDesktopsOfEveryRegionWithoutUsage() {
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
		Set<String> expected = aliEstate().desktops()
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
	@SuppressWarnings("unchecked")
	void idleDesktopsNameTheirRegionStateAndBillingModeAsDescribeDesktopsAnswers() {
		LocalDate from = aliToday().minusDays(14);
		List<Map<String, Object>> desktops = this.graphQlTester.document("""
				query($since: DateTime) {
				  idleDesktops(since: $since, accountIds: ["alibaba-demo"], first: 100) {
				    edges { node { desktop { nativeId name region state vendorState billingMode vendorBillingMode } } }
				  }
				}""")
			.variable("since", from.atStartOfDay(aliEstate().dayZone()).toInstant().toString())
			.execute()
			.path("idleDesktops.edges[*].node.desktop")
			.entityList(Map.class)
			.get()
			.stream()
			.map((desktop) -> (Map<String, Object>) desktop)
			.toList();
		assertThat(desktops).isNotEmpty();
		for (Map<String, Object> desktop : desktops) {
			AlibabaDesktop expected = aliEstate().desktop((String) desktop.get("nativeId")).orElseThrow();
			assertThat(desktop).containsEntry("name", expected.desktopName())
				.containsEntry("region", expected.regionId())
				.containsEntry("vendorState", expected.desktopStatus())
				.containsEntry("state", switch (expected.desktopStatus()) {
					case "Running", "Pending", "Starting", "Rebuilding" -> "ACTIVE";
					case "Stopped", "Stopping" -> "STOPPED";
					case "Hibernated" -> "HIBERNATED";
					default -> "ERROR";
				})
				.containsEntry("vendorBillingMode", expected.chargeType())
				.containsEntry("billingMode",
						expected.chargeType().equals("PrePaid") ? "SUBSCRIPTION" : "PAY_AS_YOU_GO");
		}
		assertThat(desktops).extracting((desktop) -> desktop.get("region")).contains("cn-shanghai", "cn-hangzhou");
	}

	@Test
	@SuppressWarnings("unchecked")
	void tenDayRankingSumsToWhatTheOfficialSdkDrainsOfEveryRegion() throws Exception {
		LocalDate from = aliToday().minusDays(10);
		LocalDate to = aliToday().minusDays(1);
		// The same call through the official generic client, drained whole.
		List<Map<String, Object>> rows = AlibabaSimulatorTestSupport.rankingRows(this.alibaba, from, to);
		long sdkTotal = 0;
		Map<String, String> regions = new HashMap<>();
		Map<String, String> chargeTypes = new HashMap<>();
		for (Map<String, Object> row : rows) {
			sdkTotal += ((Number) row.get("UsageDuration")).longValue();
			regions.put((String) row.get("DesktopId"), (String) row.get("RegionId"));
			chargeTypes.put((String) row.get("DesktopId"), (String) row.get("ChargeType"));
		}
		assertThat(new HashSet<>(regions.values())).containsExactlyInAnyOrderElementsOf(aliEstate().regions());

		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			var response = this.graphQlTester.document(RANKING)
				.variable("range", range(from, to))
				.variable("first", 100)
				.variable("after", after)
				.execute();
			nodes.addAll(response.path("usageRanking.edges[*].node")
				.entityList(Map.class)
				.get()
				.stream()
				.map((node) -> (Map<String, Object>) node)
				.toList());
			PageInfoView pageInfo = response.path("usageRanking.pageInfo").entity(PageInfoView.class).get();
			hasNext = pageInfo.hasNextPage();
			after = pageInfo.endCursor();
		}
		long total = 0;
		Map<String, Long> secondsByRegion = new HashMap<>();
		for (Map<String, Object> node : nodes) {
			long seconds = ((Number) ((Map<String, Object>) node.get("duration")).get("seconds")).longValue();
			Map<String, Object> desktop = (Map<String, Object>) node.get("desktop");
			String nativeId = (String) desktop.get("nativeId");
			total += seconds;
			secondsByRegion.merge((String) desktop.get("region"), seconds, Long::sum);
			assertThat(desktop.get("region")).as(nativeId).isEqualTo(regions.get(nativeId));
			assertThat(desktop.get("vendorBillingMode")).as(nativeId).isEqualTo(chargeTypes.get(nativeId));
			assertThat(desktop.get("billingMode")).as(nativeId).isEqualTo(switch (chargeTypes.get(nativeId)) {
				case "PrePaid", "PRE_PAID" -> "SUBSCRIPTION";
				case "PostPaid", "POST_PAID" -> "PAY_AS_YOU_GO";
				case "MONTH_PACKAGE" -> "MONTHLY_PACKAGE";
				case "DURATION" -> "DURATION_PACKAGE";
				default -> "OTHER";
			});
		}
		assertThat(nodes).hasSize(regions.size());
		assertThat(total).isEqualTo(sdkTotal);
		// Every region's usage counts, not only the region whose endpoint is called.
		assertThat(secondsByRegion).containsOnlyKeys(aliEstate().regions())
			.allSatisfy((region, seconds) -> assertThat(seconds).as(region).isPositive());
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

	private long alibabaCalls(String operation) {
		Map<String, Object> stats = WebClient.create(this.alibaba.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		Object count = ((Map<?, ?>) stats.get("calls")).get(operation);
		return (count != null) ? ((Number) count).longValue() : 0;
	}

	private AlibabaEstate aliEstate() {
		return this.alibaba.estate();
	}

	private LocalDate aliToday() {
		return aliEstate().today();
	}

}
