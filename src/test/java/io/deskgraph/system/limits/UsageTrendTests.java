package io.deskgraph.system.limits;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.DrainJobs;
import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code usageTrend} over real HTTP against both simulators, with the default
 * limits and quotas: its days agree with the per-day points of {@code desktopUsage} and
 * with the estates, it reads the pages and drains {@code desktopUsage} caches, and it
 * keeps the windows, budget, partial results and errors of the other usage questions.
 *
 * @author DeskGraph
 */
class UsageTrendTests extends DefaultLimitsTestSupport {

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private DrainJobs drains;

	static final String TREND = """
			query($range: DateRange!, $vendors: [Vendor!], $accountIds: [ID!]) {
			  usageTrend(range: $range, vendors: $vendors, accountIds: $accountIds) {
			    total { seconds hours }
			    points { date hour duration { seconds } }
			    byAccount { account { id vendor } total { seconds } points { date hour duration { seconds } } }
			    sources { vendor accountId state error { code message retryable } }
			  }
			}""";

	private static final String USAGE = """
			query($range: DateRange!, $vendors: [Vendor!], $after: String) {
			  desktopUsage(range: $range, vendors: $vendors, first: 100, after: $after) {
			    edges { node { points { date duration { seconds } } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	@BeforeEach
	void closeCircuits() {
		// A vendor made to fail opens its circuits, which outlive the simulator's reset.
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void eachDayIsTheSumOfTheDesktopUsagePointsOfThatDayAndReadsTheirCachedPages() {
		LocalDate from = today().minusDays(8);
		LocalDate to = today().minusDays(2);
		Map<LocalDate, Long> huaweiDays = desktopUsageByDay(from, to, "HUAWEI");
		Map<LocalDate, Long> alibabaDays = desktopUsageByDay(from, to, "ALIBABA");
		long callsBefore = vendorCalls();

		Map<String, Object> trend = trend(from, to, null);

		// Every page and one-day drain the trend needs was fetched by desktopUsage.
		assertThat(vendorCalls()).isEqualTo(callsBefore);
		assertThat(huaweiDays).isEqualTo(huaweiEstate(from, to));
		assertThat(alibabaDays).isEqualTo(alibabaEstate(from, to));
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(huaweiDays);
		assertThat(accountPoints(trend, "alibaba-demo")).isEqualTo(alibabaDays);
		Map<LocalDate, Long> both = new LinkedHashMap<>(huaweiDays);
		alibabaDays.forEach((day, seconds) -> both.merge(day, seconds, Long::sum));
		assertThat(points(list(trend, "points"))).isEqualTo(both).containsOnlyKeys(days(from, to));
		assertThat(list(trend, "points")).allSatisfy((point) -> assertThat(point.get("hour")).isNull());
		assertThat(seconds(trend.get("total"))).isEqualTo(sum(both)).isPositive();
		assertThat(list(trend, "byAccount")).extracting((account) -> seconds(account.get("total")))
			.containsExactly(sum(huaweiDays), sum(alibabaDays));
		assertThat(list(trend, "sources")).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:OK");
	}

	@Test
	void coldTrendDrainsEachDayOnceAndTheSameTrendAgainCallsNoVendor() {
		LocalDate from = today().minusDays(15);
		LocalDate to = today().minusDays(10);
		Map<String, Object> trend = trend(from, to, null);
		assertThat(points(list(trend, "points"))).containsOnlyKeys(days(from, to));
		// Huawei: the window's pages, 100 entries each; Alibaba: each day's ranking.
		int huaweiPages = (this.huawei.estate().desktops().size() + 99) / 100;
		long alibabaPages = days(from, to).stream()
			.mapToLong((day) -> Math.max(1, (this.alibaba.estate().usageRanking(day, day).size() + 199) / 200))
			.sum();
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(huaweiPages);
		assertThat(calls(this.alibaba.baseUrl()).get("QueryHistoryUsageDurationRank").longValue())
			.isEqualTo(alibabaPages);
		long calls = vendorCalls();
		assertThat(calls).isEqualTo(huaweiPages + alibabaPages);
		assertThat(trend(from, to, null)).isEqualTo(trend);
		// Another selection of the same trend is executed anew, from the kept drains.
		Map<String, Object> totalOnly = post(
				"query($range: DateRange!) { usageTrend(range: $range) { total { seconds } } }",
				Map.of("range", range(from, to)));
		assertThat(totalOnly).as("%s", totalOnly).doesNotContainKey("errors");
		assertThat(vendorCalls()).isEqualTo(calls);
	}

	@Test
	void huaweiWindowsOverThirtyOneDaysAreTheDrainsOfDesktopUsage() {
		LocalDate from = today().minusDays(45);
		LocalDate to = today().minusDays(2);
		Map<LocalDate, Long> expected = desktopUsageByDay(from, to, "HUAWEI");
		long callsBefore = huaweiCalls("ListUsedDesktopInfo");
		Map<String, Object> trend = trend(from, to, List.of("HUAWEI"));
		assertThat(huaweiCalls("ListUsedDesktopInfo")).isEqualTo(callsBefore);
		assertThat(expected).isEqualTo(huaweiEstate(from, to));
		assertThat(points(list(trend, "points"))).isEqualTo(expected).hasSize(44);
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(expected);
	}

	@Test
	void aRangeOnlyHuaweiReachesIsAnsweredByHuaweiWithAlibabaFailedNamingItsLimit() {
		LocalDate from = today().minusDays(120);
		LocalDate to = today().minusDays(100);
		Map<String, Object> response = post(TREND, Map.of("range", range(from, to)));
		Map<String, Object> trend = data(response);
		assertThat(points(list(trend, "points"))).isEqualTo(huaweiEstate(from, to));
		assertThat(list(trend, "byAccount"))
			.extracting((account) -> (Object) ((Map<?, ?>) account.get("account")).get("id"))
			.containsExactly("huawei-demo");
		List<Map<String, Object>> sources = list(trend, "sources");
		assertThat(sources).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:FAILED");
		Map<?, ?> alibabaError = (Map<?, ?>) sources.get(1).get("error");
		assertThat(alibabaError.get("code")).isEqualTo("BAD_REQUEST");
		assertThat(alibabaError.get("retryable")).isEqualTo(false);
		assertThat((String) alibabaError.get("message")).contains("covers only the last 90 days");
		assertThat(errors(response)).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("accountId", "alibaba-demo")
				.containsEntry("sourceState", "FAILED");
		});
		assertThat(calls(this.alibaba.baseUrl()).values())
			.allSatisfy((count) -> assertThat(count.longValue()).isZero());

		Map<String, Object> alibabaOnly = post(TREND, Map.of("range", range(from, to), "vendors", List.of("ALIBABA")));
		assertBadRequest(alibabaOnly, "range", "covers only the last 90 days");
		assertThat(alibabaOnly.get("data")).isNull();
		assertThat(calls(this.alibaba.baseUrl()).values())
			.allSatisfy((count) -> assertThat(count.longValue()).isZero());
	}

	@Test
	void aFailingVendorLeavesTheOtherVendorsPointsAndIsAFailedSource() {
		LocalDate from = today().minusDays(8);
		LocalDate to = today().minusDays(2);
		faults(this.alibaba.baseUrl(), Map.of("errorRate", 1.0));
		Map<String, Object> response = post(TREND, Map.of("range", range(from, to)));
		Map<String, Object> trend = data(response);
		Map<LocalDate, Long> huawei = huaweiEstate(from, to);
		assertThat(points(list(trend, "points"))).isEqualTo(huawei);
		assertThat(seconds(trend.get("total"))).isEqualTo(sum(huawei));
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(huawei);
		assertThat(list(trend, "byAccount")).hasSize(1);
		List<Map<String, Object>> sources = list(trend, "sources");
		assertThat(sources).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:FAILED");
		Map<?, ?> error = (Map<?, ?>) sources.get(1).get("error");
		assertThat(error.get("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(error.get("retryable")).isEqualTo(true);
		assertThat(errors(response)).singleElement()
			.satisfies((graphQlError) -> assertThat(extensions(graphQlError))
				.containsEntry("classification", "UPSTREAM_UNAVAILABLE")
				.containsEntry("accountId", "alibaba-demo")
				.containsEntry("sourceState", "FAILED"));

		// Failed drains are not kept: once the vendor answers again, so does its source.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.drains.running() == 0);
		faults(this.alibaba.baseUrl(), Map.of("errorRate", 0.0));
		closeCircuits();
		Map<String, Object> recovered = trend(from, to, null);
		assertThat(list(recovered, "sources")).extracting((source) -> source.get("state")).containsExactly("OK", "OK");
		assertThat(accountPoints(recovered, "alibaba-demo")).isEqualTo(alibabaEstate(from, to));
	}

	@Test
	void aBadRangeIsABadRequestNamingRangeBeforeAnyCall() {
		assertBadRequest(post(TREND, Map.of("range", range(today().minusDays(2), today().minusDays(5)))), "range",
				"after to");
		assertBadRequest(post(TREND, Map.of("range", range(today().minusDays(400), today().minusDays(5)))), "range",
				"366 days");
		assertBadRequest(post(TREND, Map.of("range", range(today().plusDays(3), today().plusDays(5)))), "range",
				"future");
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void aTrendOverTheUpstreamCallBudgetIsRefusedBeforeAnyCall() {
		// Alibaba: one drain per day (70); Huawei: one per 31-day window (3).
		Map<String, Object> response = post(TREND, Map.of("range", range(today().minusDays(71), today().minusDays(2))));
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("limit", "maxUpstreamCalls")
				.containsEntry("max", 60)
				.containsEntry("actual", 73);
		});
		assertThat(response.get("data")).isNull();
		assertThat(vendorCalls()).isZero();
	}

	private static void faults(String baseUrl, Map<String, Object> faults) {
		WebClient.create(baseUrl).put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

	private Map<String, Object> trend(LocalDate from, LocalDate to, List<String> vendors) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("range", range(from, to));
		variables.put("vendors", vendors);
		Map<String, Object> response = post(TREND, variables);
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		return data(response);
	}

	/**
	 * Per-day points of every desktopUsage edge of one vendor, paged through and summed.
	 */
	@SuppressWarnings("unchecked")
	private Map<LocalDate, Long> desktopUsageByDay(LocalDate from, LocalDate to, String vendor) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		days(from, to).forEach((day) -> days.put(day, 0L));
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("range", range(from, to));
			variables.put("vendors", List.of(vendor));
			variables.put("after", after);
			Map<String, Object> response = post(USAGE, variables);
			assertThat(response).as("%s", response).doesNotContainKey("errors");
			Map<String, Object> usage = (Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("desktopUsage");
			for (Map<String, Object> edge : (List<Map<String, Object>>) usage.get("edges")) {
				points((List<Map<String, Object>>) ((Map<String, Object>) edge.get("node")).get("points"))
					.forEach((day, seconds) -> days.merge(day, seconds, Long::sum));
			}
			Map<String, Object> pageInfo = (Map<String, Object>) usage.get("pageInfo");
			hasNext = (Boolean) pageInfo.get("hasNextPage");
			after = (String) pageInfo.get("endCursor");
		}
		return days;
	}

	private Map<LocalDate, Long> huaweiEstate(LocalDate from, LocalDate to) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		for (LocalDate day : days(from, to)) {
			days.put(day,
					this.huawei.estate()
						.desktops()
						.stream()
						.map(HuaweiDesktop::id)
						.mapToLong((id) -> this.huawei.estate().usageSeconds(id, day))
						.sum());
		}
		return days;
	}

	private Map<LocalDate, Long> alibabaEstate(LocalDate from, LocalDate to) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		for (LocalDate day : days(from, to)) {
			days.put(day,
					this.alibaba.estate()
						.desktops()
						.stream()
						.map(AlibabaDesktop::desktopId)
						.mapToLong((id) -> this.alibaba.estate().desktopUsageSeconds(id, day, day))
						.sum());
		}
		return days;
	}

	static List<LocalDate> days(LocalDate from, LocalDate to) {
		return from.datesUntil(to.plusDays(1)).toList();
	}

	static Map<String, Object> range(LocalDate from, LocalDate to) {
		return Map.of("from", from.toString(), "to", to.toString());
	}

	@SuppressWarnings("unchecked")
	static Map<LocalDate, Long> accountPoints(Map<String, Object> trend, String accountId) {
		for (Map<String, Object> account : list(trend, "byAccount")) {
			if (accountId.equals(((Map<String, Object>) account.get("account")).get("id"))) {
				Map<LocalDate, Long> points = points((List<Map<String, Object>>) account.get("points"));
				assertThat(seconds(account.get("total"))).isEqualTo(sum(points));
				return points;
			}
		}
		throw new AssertionError("No trend of account " + accountId + " in " + trend);
	}

	/** Points by day, in their order, each day once. */
	@SuppressWarnings("unchecked")
	static Map<LocalDate, Long> points(List<Map<String, Object>> points) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		List<LocalDate> order = new ArrayList<>();
		for (Map<String, Object> point : points) {
			LocalDate day = LocalDate.parse((String) point.get("date"));
			order.add(day);
			assertThat(days.put(day, seconds(point.get("duration")))).as("day %s twice", day).isNull();
		}
		assertThat(order).isSorted();
		return days;
	}

	static long sum(Map<LocalDate, Long> days) {
		return days.values().stream().mapToLong(Long::longValue).sum();
	}

	@SuppressWarnings("unchecked")
	static long seconds(Object duration) {
		return ((Number) ((Map<String, Object>) duration).get("seconds")).longValue();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> data(Map<String, Object> response) {
		assertThat(response.get("data")).as("%s", response).isNotNull();
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("usageTrend");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

}
