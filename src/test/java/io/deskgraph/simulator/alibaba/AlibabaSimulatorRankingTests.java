package io.deskgraph.simulator.alibaba;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code QueryHistoryUsageDurationRank} of {@link AlibabaSimulator}, called
 * through the official generic client ({@code tea-openapi} {@code callApi}, which signs
 * with ACS3-HMAC-SHA256).
 *
 * @author DeskGraph
 */
class AlibabaSimulatorRankingTests {

	private static AlibabaSimulator simulator;

	private static Client client;

	private static AlibabaEstate estate;

	@BeforeAll
	static void startSimulator() {
		simulator = AlibabaSimulatorTestSupport.start(Map.of("quotas.query-history-usage-duration-rank", "10000"));
		client = AlibabaSimulatorTestSupport.genericClient(simulator);
		estate = simulator.estate();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void rankingListsEveryDesktopAndEndUserWithUsageLongestFirst() throws Exception {
		LocalDate end = estate.today().minusDays(1);
		LocalDate start = end.minusDays(29);
		Map<String, Object> body = AlibabaSimulatorTestSupport.rank(client,
				Map.of("StartDate", start.toString(), "EndDate", end.toString(), "Limit", 200));
		List<AlibabaUsageRow> expected = expectedRanking(start, end);
		assertThat(((Number) body.get("TotalCount")).intValue()).isEqualTo(expected.size());
		assertThat(body.get("RequestId").toString())
			.matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
		List<AlibabaUsageRow> rows = AlibabaSimulatorTestSupport.rows(body);
		assertThat(rows).isEqualTo(expected.subList(0, Math.min(200, expected.size())));
		assertThat(rows).extracting(AlibabaUsageRow::regionId).containsAll(AlibabaEstate.REGIONS);
		assertThat(rows).extracting(AlibabaUsageRow::chargeType)
			.contains("PrePaid", "PRE_PAID", "POST_PAID")
			.allMatch((charge) -> List.of("PrePaid", "PRE_PAID", "PostPaid", "POST_PAID", "MONTH_PACKAGE", "DURATION")
				.contains(charge));
		Set<String> desktopsWithSeveralUsers = new HashSet<>();
		Set<String> seen = new HashSet<>();
		for (AlibabaUsageRow row : rows) {
			if (!seen.add(row.desktopId())) {
				desktopsWithSeveralUsers.add(row.desktopId());
			}
		}
		assertThat(desktopsWithSeveralUsers).isNotEmpty();
	}

	@Test
	void drainingAtLimitSevenAndAtLimitTwoHundredGivesTheSameRowsInTheSameOrder() throws Exception {
		LocalDate end = estate.today().minusDays(1);
		LocalDate start = end.minusDays(60);
		Map<String, Object> query = Map.of("StartDate", start.toString(), "EndDate", end.toString());
		Drained small = drain(query, 7);
		Drained large = drain(query, 200);
		assertThat(small.pages()).isGreaterThan(large.pages());
		assertThat(large.pages()).isGreaterThan(1);
		assertThat(small.rows()).isEqualTo(large.rows());
		assertThat(small.rows()).isEqualTo(expectedRanking(start, end));
		assertThat(small.totalCounts()).containsOnly(small.rows().size());
		assertThat(new HashSet<>(small.rows())).hasSameSizeAs(small.rows());
	}

	@Test
	void drainIncludingTodayMatchesTheEstateAsOfTheFirstPage() throws Exception {
		LocalDate today = estate.today();
		Map<String, Object> query = Map.of("StartDate", today.minusDays(2).toString(), "EndDate", today.toString());
		List<AlibabaUsageRow> before = expectedRanking(today.minusDays(2), today);
		Drained drained = drain(query, 50);
		List<AlibabaUsageRow> after = expectedRanking(today.minusDays(2), today);
		assertThat(drained.rows()).isNotEmpty();
		// The current hour may have turned during the drain; every page follows the
		// first.
		assertThat(List.of(before, after)).contains(drained.rows());
	}

	@Test
	void omittedParametersGiveFiveRowsOfTheLastSevenDays() throws Exception {
		LocalDate today = estate.today();
		List<AlibabaUsageRow> before = expectedRanking(today.minusDays(6), today);
		Map<String, Object> body = AlibabaSimulatorTestSupport.rank(client, Map.of());
		List<AlibabaUsageRow> after = expectedRanking(today.minusDays(6), today);
		List<AlibabaUsageRow> rows = AlibabaSimulatorTestSupport.rows(body);
		assertThat(rows).hasSize(5);
		assertThat(body.get("NextToken")).isInstanceOf(String.class);
		// The current hour may have turned between the call and the expectations.
		assertThat(List.of(before.subList(0, 5), after.subList(0, 5))).contains(rows);
	}

	@Test
	void lastPageHasNoNextToken() throws Exception {
		// A weekend day has fewer rows than the largest page.
		LocalDate day = estate.today().minusDays(1);
		while (day.getDayOfWeek().getValue() < 6) {
			day = day.minusDays(1);
		}
		List<AlibabaUsageRow> expected = expectedRanking(day, day);
		assertThat(expected.size()).isBetween(1, 200);
		Map<String, Object> body = AlibabaSimulatorTestSupport.rank(client,
				Map.of("StartDate", day.toString(), "EndDate", day.toString(), "Limit", expected.size()));
		assertThat(body).doesNotContainKey("NextToken");
		assertThat(AlibabaSimulatorTestSupport.rows(body)).isEqualTo(expected);
	}

	@Test
	void limitAboveTwoHundredIsRejected() {
		assertRejected(Map.of("Limit", 201), "InvalidParameter.Limit");
		assertRejected(Map.of("Limit", 0), "InvalidParameter.Limit");
	}

	@Test
	void startDateOlderThanNinetyDaysIsRejected() throws Exception {
		LocalDate today = estate.today();
		assertRejected(Map.of("StartDate", today.minusDays(91).toString(), "EndDate", today.toString()),
				"InvalidParameter.StartDate");
		Map<String, Object> oldest = AlibabaSimulatorTestSupport.rank(client,
				Map.of("StartDate", today.minusDays(90).toString(), "EndDate", today.minusDays(80).toString()));
		assertThat(((Number) oldest.get("TotalCount")).intValue()).isPositive();
	}

	@Test
	void invalidDatesAreRejected() {
		LocalDate today = estate.today();
		assertRejected(Map.of("StartDate", today.minusDays(3).toString(), "EndDate", today.minusDays(4).toString()),
				"InvalidParameter.EndDate");
		assertRejected(Map.of("EndDate", today.plusDays(1).toString()), "InvalidParameter.EndDate");
		assertRejected(Map.of("StartDate", "2026/05/07"), "InvalidParameter.StartDate");
		assertRejected(Map.of("StartDate", "2026-02-30"), "InvalidParameter.StartDate");
	}

	@Test
	void bizTypeTwoHasNoDesktopsAndOtherValuesAreRejected() throws Exception {
		Map<String, Object> other = AlibabaSimulatorTestSupport.rank(client, Map.of("BizType", 2));
		assertThat(((Number) other.get("TotalCount")).intValue()).isZero();
		assertThat(AlibabaSimulatorTestSupport.rows(other)).isEmpty();
		Map<String, Object> enterprise = AlibabaSimulatorTestSupport.rank(client, Map.of("BizType", 1));
		assertThat(((Number) enterprise.get("TotalCount")).intValue()).isPositive();
		assertRejected(Map.of("BizType", 3), "InvalidParameter.BizType");
		assertRejected(Map.of("BizType", "x"), "InvalidParameter.BizType");
	}

	@Test
	void tamperedNextTokenIsRejected() throws Exception {
		String token = (String) AlibabaSimulatorTestSupport.rank(client, Map.of("Limit", 3)).get("NextToken");
		char last = token.charAt(token.length() - 5);
		String tampered = token.substring(0, token.length() - 5) + ((last == 'A') ? 'B' : 'A')
				+ token.substring(token.length() - 4);
		assertRejected(Map.of("NextToken", tampered), "InvalidParameter.NextToken");
		assertRejected(Map.of("NextToken", "caeba0bbb2be03f84eb48b699f0a4883"), "InvalidParameter.NextToken");
	}

	@Test
	void nextTokenSentWithOtherParametersIsRejected() throws Exception {
		LocalDate today = estate.today();
		Map<String, Object> first = AlibabaSimulatorTestSupport.rank(client,
				Map.of("StartDate", today.minusDays(10).toString(), "Limit", 3));
		String token = (String) first.get("NextToken");
		assertRejected(Map.of("StartDate", today.minusDays(11).toString(), "NextToken", token),
				"InvalidParameter.NextToken");
		assertRejected(Map.of("NextToken", token), "InvalidParameter.NextToken");
		// The page size may change between pages.
		Map<String, Object> second = AlibabaSimulatorTestSupport.rank(client,
				Map.of("StartDate", today.minusDays(10).toString(), "Limit", 4, "NextToken", token));
		assertThat(AlibabaSimulatorTestSupport.rows(second)).hasSize(4);
	}

	private static void assertRejected(Map<String, Object> query, String code) {
		assertThatExceptionOfType(TeaException.class).isThrownBy(() -> AlibabaSimulatorTestSupport.rank(client, query))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(code);
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getData()).containsKeys("RequestId", "HostId", "Recommend");
			});
	}

	/** Recomputes the ranking from the estate's per-day usage. */
	private static List<AlibabaUsageRow> expectedRanking(LocalDate start, LocalDate end) {
		List<AlibabaUsageRow> rows = new ArrayList<>();
		for (AlibabaDesktop desktop : estate.desktops()) {
			for (String user : desktop.endUserIds()) {
				long total = 0;
				for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
					total += estate.usageSeconds(desktop.desktopId(), user, day);
				}
				if (total > 0) {
					rows.add(new AlibabaUsageRow(user, desktop.desktopId(), desktop.desktopName(),
							desktop.rankingChargeType(), total, desktop.regionId()));
				}
			}
		}
		rows.sort((a, b) -> (a.usageDuration() != b.usageDuration())
				? Long.compare(b.usageDuration(), a.usageDuration()) : (!a.desktopId().equals(b.desktopId()))
						? a.desktopId().compareTo(b.desktopId()) : a.endUserId().compareTo(b.endUserId()));
		return rows;
	}

	private static Drained drain(Map<String, Object> query, int limit) throws Exception {
		List<AlibabaUsageRow> rows = new ArrayList<>();
		List<Integer> totals = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			Map<String, Object> page = new LinkedHashMap<>(query);
			page.put("Limit", limit);
			if (token != null) {
				page.put("NextToken", token);
			}
			Map<String, Object> body = AlibabaSimulatorTestSupport.rank(client, page);
			rows.addAll(AlibabaSimulatorTestSupport.rows(body));
			totals.add(((Number) body.get("TotalCount")).intValue());
			token = (String) body.get("NextToken");
			pages++;
			assertThat(pages).isLessThan(1000);
		}
		while (token != null);
		return new Drained(rows, totals, pages);
	}

	private record Drained(List<AlibabaUsageRow> rows, List<Integer> totalCounts, int pages) {

	}

}
