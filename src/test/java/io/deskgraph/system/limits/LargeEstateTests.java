package io.deskgraph.system.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.aliyun.ecd20200930.models.DescribeDesktopsResponseBody.DescribeDesktopsResponseBodyDesktops;
import io.deskgraph.connector.DrainJobs;
import io.deskgraph.simulator.alibaba.AlibabaSimulatorTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of large estates over real HTTP with DeskGraph's default limits and quotas: an
 * Alibaba account of 20,000 desktops over the simulator's three regions (14,110 in
 * cn-shanghai) and a Huawei account of 10,000. Answers are checked against what the
 * official Alibaba SDK drains from the same simulator, and vendor calls are counted at
 * the simulator.
 *
 * @author DeskGraph
 */
@TestPropertySource(
		properties = { "deskgraph.simulator.alibaba.desktops=20000", "deskgraph.simulator.huawei.desktops=10000",
				// The SDK drains that check the answers share the simulator's quota with
				// DeskGraph; they get more of it. DeskGraph's own quotas stay at their
				// defaults.
				"deskgraph.simulator.alibaba.quotas.query-history-usage-duration-rank=100000",
				"deskgraph.simulator.alibaba.quotas.describe-desktops=100000" })
class LargeEstateTests extends DefaultLimitsTestSupport {

	private static final List<String> REGIONS = List.of("cn-shanghai", "cn-hangzhou", "cn-beijing");

	/** The request deadline (deskgraph.limits.request-deadline) and some slack. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(21);

	/** The longest a drain of these estates takes at the default quotas, with slack. */
	private static final Duration DRAIN_WITHIN = Duration.ofMinutes(3);

	private static final String RANKING = """
			query($range: DateRange!, $accountIds: [ID!], $first: Int) {
			  usageRanking(range: $range, accountIds: $accountIds, first: $first) {
			    totalCount
			    edges { node { rank duration { seconds } desktop { nativeId accountId } } }
			    sources { vendor accountId state error { code message retryable retryAfterSeconds } }
			  }
			}""";

	private static final String IDLE = """
			query($since: DateTime, $until: DateTime) {
			  idleDesktops(since: $since, until: $until, accountIds: ["alibaba-demo"], first: 1) {
			    totalCount
			    sources { state error { code message retryable retryAfterSeconds } }
			  }
			}""";

	@Autowired
	DrainJobs drains;

	@AfterEach
	void drainsFinished() throws InterruptedException {
		// A drain left running would spend the next test's quota and calls.
		waitUntil(() -> this.drains.running() == 0, DRAIN_WITHIN);
	}

	@Test
	void statusOfAnyEstateTakesOneCallPerGroupOfStatesAndRegionAndMatchesTheSdk() throws Exception {
		Map<String, Object> status = field(post("""
				{ desktopStatus(accountIds: ["alibaba-demo"]) {
				    total run { active stopped error hibernated } sources { state } } }"""), "desktopStatus");
		assertThat(sources(status)).singleElement()
			.satisfies((source) -> assertThat(source).containsEntry("state", "OK"));
		assertThat(alibabaCalls("DescribeDesktops")).isEqualTo(5 * REGIONS.size());
		List<DescribeDesktopsResponseBodyDesktops> inventory = sdkInventory();
		assertThat(inventory).hasSize(20000);
		assertThat(AlibabaSimulatorTestSupport.inventory(this.alibaba, "cn-shanghai")).hasSize(14110);
		assertThat(((Number) status.get("total")).intValue()).isEqualTo(inventory.size());
		assertThat(status.get("run")).isEqualTo(Map.of("active",
				count(inventory, inStates("Running", "Pending", "Starting", "Rebuilding")), "stopped",
				count(inventory, inStates("Stopped", "Stopping")), "hibernated",
				count(inventory, inStates("Hibernated")), "error", count(inventory, inStates("Expired", "Deleted"))));
	}

	@Test
	void rankingLongerThanTheDeadlineIsPendingThenCompleteThenACacheHit() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Object> range = Map.of("from", today.minusDays(31).toString(), "to", today.minusDays(2).toString());
		// 30 days of 20,000 desktops: 99 pages of 200 rows, more than the 30-call burst
		// and the 90 calls a minute DeskGraph takes of the vendor's 100.
		Instant asked = Instant.now();
		Map<String, Object> first = field(post(RANKING, Map.of("range", range, "first", 10)), "usageRanking");
		assertThat(Duration.between(asked, Instant.now())).isLessThan(ANSWER_WITHIN);
		Map<String, Object> alibaba = source(first, "alibaba-demo");
		assertThat(alibaba).containsEntry("state", "PENDING");
		assertThat(error(alibaba)).containsEntry("code", "UPSTREAM_PENDING").containsEntry("retryable", true);
		assertThat(((Number) error(alibaba).get("retryAfterSeconds")).intValue()).isPositive();
		assertThat((String) error(alibaba).get("message")).contains("QueryHistoryUsageDurationRank pages");
		// The other account's data is returned meanwhile.
		assertThat(source(first, "huawei-demo")).containsEntry("state", "OK");
		assertThat(edges(first)).hasSize(10)
			.allSatisfy((edge) -> assertThat(desktop(edge)).containsEntry("accountId", "huawei-demo"));

		Map<String, Object> ranking = waitForOk(RANKING,
				Map.of("range", range, "accountIds", List.of("alibaba-demo"), "first", 500), "usageRanking");
		long rankCalls = alibabaCalls("QueryHistoryUsageDurationRank");
		assertThat(rankCalls).as("each page fetched once, however often it was asked").isEqualTo(99);
		List<Map.Entry<String, Long>> expected = sdkRanking(today.minusDays(31), today.minusDays(2));
		assertThat(((Number) ranking.get("totalCount")).intValue()).isEqualTo(expected.size());
		List<Map<String, Object>> edges = edges(ranking);
		assertThat(edges).hasSize(500);
		for (int i = 0; i < edges.size(); i++) {
			Map<String, Object> node = node(edges.get(i));
			assertThat(desktop(edges.get(i))).containsEntry("nativeId", expected.get(i).getKey());
			assertThat(((Number) ((Map<?, ?>) node.get("duration")).get("seconds")).longValue())
				.isEqualTo(expected.get(i).getValue());
		}
		// Asked again: the completed drain answers, without a vendor call.
		long beforeAgain = alibabaCalls("QueryHistoryUsageDurationRank");
		Map<String, Object> again = field(
				post(RANKING, Map.of("range", range, "accountIds", List.of("alibaba-demo"), "first", 500)),
				"usageRanking");
		assertThat(again).isEqualTo(ranking);
		assertThat(alibabaCalls("QueryHistoryUsageDurationRank")).isEqualTo(beforeAgain);
	}

	@Test
	void inventoryDrainsInterruptedByAnOutageResumeFromTheirLastPages() throws Exception {
		// Two final days, whose usage no longer changes: days of the Alibaba demo
		// account's zone, so that the idle window covers exactly the days of the ranking
		// below.
		ZoneId zone = this.alibaba.estate().dayZone();
		LocalDate first = LocalDate.now(zone).minusDays(3);
		LocalDate last = first.plusDays(1);
		Map<String, Object> window = Map.of("since", first.atStartOfDay(zone).toInstant().toString(), "until",
				last.plusDays(1).atStartOfDay(zone).toInstant().toString());
		// The usage of the idle window, fetched first, so that only the inventory drains.
		Map<String, Object> days = Map.of("from", first.toString(), "to", last.toString());
		waitForOk(RANKING, Map.of("range", days, "accountIds", List.of("alibaba-demo"), "first", 1), "usageRanking");
		// One drain of pages of 100 desktops per region, all three at once: after 40
		// pages every call fails, as often as it is tried, and every drain stops where it
		// got to.
		faults(Map.of("outageAfterCalls", 40, "outageCalls", 100_000));
		Map<String, Object> interrupted = field(post(IDLE, window), "idleDesktops");
		assertThat(sources(interrupted)).singleElement()
			.satisfies((source) -> assertThat(source.get("state")).isIn("PENDING", "FAILED"));
		waitUntil(() -> this.drains.running() == 0, DRAIN_WITHIN);
		faults(Map.of("outageCalls", 0));
		long beforeResume = alibabaCalls("DescribeDesktops");
		assertThat(beforeResume).as("40 pages, then failed calls").isGreaterThan(40);

		Map<String, Object> idle = waitForOk(IDLE, window, "idleDesktops");
		long resumed = alibabaCalls("DescribeDesktops") - beforeResume;
		int pages = 0;
		for (String region : REGIONS) {
			pages += (AlibabaSimulatorTestSupport.inventory(this.alibaba, region).size() + 99) / 100;
		}
		assertThat(pages).as("cn-shanghai alone takes 142").isGreaterThan(142);
		assertThat(resumed).as("only the pages not fetched before").isEqualTo(pages - 40);
		List<DescribeDesktopsResponseBodyDesktops> inventory = sdkInventory();
		Set<String> used = new HashSet<>();
		AlibabaSimulatorTestSupport.rankingRows(this.alibaba, first, last).forEach((row) -> {
			if (((Number) row.get("UsageDuration")).longValue() > 0) {
				used.add((String) row.get("DesktopId"));
			}
		});
		Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
		assertThat(((Number) idle.get("totalCount")).intValue()).isEqualTo(count(inventory,
				(desktop) -> !used.contains(desktop.getDesktopId()) && createdAt(desktop).isBefore(until)));

		// The inventories are kept: login and attach counts now cost the counting calls
		// only.
		long beforeStatus = alibabaCalls("DescribeDesktops");
		Map<String, Object> status = field(post("""
				{ desktopStatus(accountIds: ["alibaba-demo"]) {
				    total login { inUse } attach { attached unattached } sources { state } } }"""), "desktopStatus");
		assertThat(sources(status)).singleElement()
			.satisfies((source) -> assertThat(source).containsEntry("state", "OK"));
		assertThat(alibabaCalls("DescribeDesktops") - beforeStatus).isLessThanOrEqualTo(5 * REGIONS.size());
		int attached = count(inventory,
				(desktop) -> desktop.getEndUserIds() != null && !desktop.getEndUserIds().isEmpty());
		assertThat(status.get("attach"))
			.isEqualTo(Map.of("attached", attached, "unattached", inventory.size() - attached));
		assertThat(status.get("login")).isEqualTo(
				Map.of("inUse", count(inventory, (desktop) -> "Connected".equals(desktop.getConnectionStatus()))));
	}

	/** Asks until the account's source is OK, then answers that field. */
	private Map<String, Object> waitForOk(String query, Map<String, Object> variables, String name)
			throws InterruptedException {
		Instant giveUp = Instant.now().plus(DRAIN_WITHIN);
		while (true) {
			Map<String, Object> answer = field(post(query, variables), name);
			List<Map<String, Object>> sources = sources(answer);
			if (sources.stream().allMatch((source) -> "OK".equals(source.get("state")))) {
				return answer;
			}
			assertThat(Instant.now()).as("%s still not complete: %s", name, sources).isBefore(giveUp);
			Thread.sleep(2000);
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier done, Duration within)
			throws InterruptedException {
		Instant giveUp = Instant.now().plus(within);
		while (!done.getAsBoolean()) {
			assertThat(Instant.now()).as("still waiting").isBefore(giveUp);
			Thread.sleep(200);
		}
	}

	private long alibabaCalls(String action) {
		return calls(this.alibaba.baseUrl()).getOrDefault(action, 0).longValue();
	}

	private void faults(Map<String, Object> faults) {
		WebClient.create(this.alibaba.baseUrl())
			.put()
			.uri("/_sim/faults")
			.bodyValue(faults)
			.retrieve()
			.toBodilessEntity()
			.block();
	}

	/** Every desktop of every region, drained with the official SDK. */
	private List<DescribeDesktopsResponseBodyDesktops> sdkInventory() throws Exception {
		List<DescribeDesktopsResponseBodyDesktops> desktops = new ArrayList<>();
		for (String region : REGIONS) {
			desktops.addAll(AlibabaSimulatorTestSupport.inventory(this.alibaba, region));
		}
		return desktops;
	}

	/**
	 * The desktops of every region by usage in a window, longest first, then by id, from
	 * the SDK's drain.
	 */
	private List<Map.Entry<String, Long>> sdkRanking(LocalDate from, LocalDate to) throws Exception {
		Map<String, Long> seconds = new LinkedHashMap<>();
		for (Map<String, Object> row : AlibabaSimulatorTestSupport.rankingRows(this.alibaba, from, to)) {
			seconds.merge((String) row.get("DesktopId"), ((Number) row.get("UsageDuration")).longValue(), Long::sum);
		}
		return seconds.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.toList();
	}

	/** When a desktop was created: Alibaba writes {@code 2026-11-20T12:00Z}. */
	private static Instant createdAt(DescribeDesktopsResponseBodyDesktops desktop) {
		String minutes = desktop.getCreationTime();
		return Instant.parse(minutes.substring(0, minutes.length() - 1) + ":00Z");
	}

	private static Predicate<DescribeDesktopsResponseBodyDesktops> inStates(String... states) {
		Set<String> wanted = Set.of(states);
		return (desktop) -> wanted.contains(desktop.getDesktopStatus());
	}

	private static int count(List<DescribeDesktopsResponseBodyDesktops> desktops,
			Predicate<DescribeDesktopsResponseBodyDesktops> test) {
		return (int) desktops.stream().filter(test).count();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> field(Map<String, Object> response, String name) {
		assertThat(response).as("%s", response).containsKey("data");
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(name);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> sources(Map<String, Object> field) {
		return (List<Map<String, Object>>) field.get("sources");
	}

	private static Map<String, Object> source(Map<String, Object> field, String accountId) {
		return sources(field).stream()
			.filter((source) -> accountId.equals(source.get("accountId")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> error(Map<String, Object> source) {
		return (Map<String, Object>) source.get("error");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> edges(Map<String, Object> connection) {
		return (List<Map<String, Object>>) connection.get("edges");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> node(Map<String, Object> edge) {
		return (Map<String, Object>) edge.get("node");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> desktop(Map<String, Object> edge) {
		return (Map<String, Object>) node(edge).get("desktop");
	}

}
