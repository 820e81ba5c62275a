package io.deskgraph.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code billingAdvice} and {@code costSummary} over real HTTP in demo mode
 * with the default limits and the example catalogue: every figure of every desktop and of
 * the summary against the simulators' estates, paging, a too-short range, a failed
 * vendor, bad input and vendor calls.
 *
 * @author DeskGraph
 */
class BillingAdviceTests extends CostTestSupport {

	private LocalDate from() {
		return today().minusDays(15);
	}

	private LocalDate to() {
		return today().minusDays(2);
	}

	@Test
	void everyFigureOfEveryDesktopFollowsTheRuleFromTheEstatesAndTheExampleCatalogue() {
		List<EstateDesktop> estate = estate(from(), to());
		List<Map<String, Object>> expected = expectedAdvice(estate, DEMO_PRICES, 14, 7);
		Map<String, Object> first = advice(Map.of("range", range(from(), to()), "first", 200));
		List<Map<String, Object>> nodes = allAdvice(Map.of("range", range(from(), to())), 200);

		assertThat(shape(nodes)).isEqualTo(expected);
		assertThat(first.get("totalCount")).isEqualTo(estate.size());
		assertThat(first.get("tooShort")).isEqualTo(false);
		assertThat(first.get("minRangeDays")).isEqualTo(7);
		assertThat(first.get("examplePrices")).isEqualTo(true);
		assertThat(list(first, "sources")).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:OK");
		// The demo shows every recommendation but UNPRICED, in two currencies.
		assertThat(nodes).extracting((node) -> node.get("recommendation"))
			.contains("KEEP", "SWITCH_TO_PAY_AS_YOU_GO", "SWITCH_TO_SUBSCRIPTION", "REMOVE_IDLE")
			.doesNotContain("UNPRICED");
		assertThat(nodes).extracting((node) -> currency(node, "monthlyCost")).containsOnly("CNY", "USD");
		assertThat(nodes).allSatisfy((node) -> {
			assertThat(map(node, "desktop").get("name")).isNotNull();
			assertThat((String) node.get("reason")).isNotBlank();
		});
		assertThat(nodes).filteredOn((node) -> node.get("recommendation").equals("REMOVE_IDLE"))
			.allSatisfy((node) -> assertThat(node.get("usedHours")).isEqualTo(0.0))
			.allSatisfy((node) -> assertThat(node.get("monthlySaving")).isEqualTo(node.get("monthlyCost")));
	}

	@Test
	void costSummaryIsTheSumOfTheAdvicePerCurrencyVendorAndAccount() {
		List<Map<String, Object>> expected = expectedAdvice(estate(from(), to()), DEMO_PRICES, 14, 7);
		Map<String, Object> summary = summary(Map.of("range", range(from(), to())));

		assertThat(figures(summary)).isEqualTo(expectedFigures(expected));
		assertThat(list(summary, "currencies")).extracting((currency) -> currency.get("currency"))
			.containsExactly("CNY", "USD");
		List<Map<String, Object>> huawei = expected.stream()
			.filter((node) -> ((String) node.get("id")).startsWith("huawei:"))
			.toList();
		List<Map<String, Object>> alibaba = expected.stream()
			.filter((node) -> ((String) node.get("id")).startsWith("alibaba:"))
			.toList();
		assertThat(list(summary, "byVendor")).extracting((vendor) -> vendor.get("vendor"))
			.containsExactly("HUAWEI", "ALIBABA");
		assertThat(figures(list(summary, "byVendor").get(0))).isEqualTo(expectedFigures(huawei));
		assertThat(figures(list(summary, "byVendor").get(1))).isEqualTo(expectedFigures(alibaba));
		assertThat(list(summary, "byAccount")).extracting((account) -> map(account, "account").get("id"))
			.containsExactly("huawei-demo", "alibaba-demo");
		assertThat(figures(list(summary, "byAccount").get(0))).isEqualTo(expectedFigures(huawei));
		assertThat(figures(list(summary, "byAccount").get(1))).isEqualTo(expectedFigures(alibaba));
		assertThat(summary.get("tooShort")).isEqualTo(false);
		assertThat(summary.get("examplePrices")).isEqualTo(true);
		assertThat(list(summary, "sources")).extracting((source) -> source.get("state")).containsExactly("OK", "OK");
	}

	@Test
	void pagesResumeTheMergedOrderExactly() {
		Map<String, Object> variables = Map.of("range", range(from(), to()), "vendors", List.of("ALIBABA", "HUAWEI"));
		List<Map<String, Object>> whole = allAdvice(variables, 200);
		List<Map<String, Object>> paged = allAdvice(variables, 37);
		assertThat(paged).isEqualTo(whole);
		assertThat(whole).hasSize(this.huawei.estate().desktops().size() + this.alibaba.estate()
			.regions()
			.stream()
			.mapToInt((r) -> this.alibaba.estate().desktops(r).size())
			.sum());
		Map<String, Object> page = advice(Map.of("range", range(from(), to()), "first", 5));
		assertThat(list(page, "edges")).hasSize(5);
		assertThat(map(page, "pageInfo").get("hasNextPage")).isEqualTo(true);
		List<Object> savings = new ArrayList<>();
		whole.stream()
			.filter((node) -> currency(node, "monthlySaving").equals("CNY"))
			.forEach((node) -> savings.add(new java.math.BigDecimal(amount(node, "monthlySaving"))));
		assertThat(savings)
			.isSortedAccordingTo((a, b) -> ((java.math.BigDecimal) b).compareTo((java.math.BigDecimal) a));

		// A cursor of another query is refused naming after.
		Map<String, Object> other = post(ADVICE, Map.of("range", range(from().plusDays(1), to()), "after",
				(String) map(page, "pageInfo").get("endCursor")));
		assertBadRequest(other, "after");
	}

	@Test
	void aRangeShorterThanTheMinimumKeepsEveryDesktopWithoutSavingAndSaysSo() {
		LocalDate from = today().minusDays(4);
		LocalDate to = today().minusDays(2);
		List<Map<String, Object>> expected = expectedAdvice(estate(from, to), DEMO_PRICES, 3, 7);
		Map<String, Object> first = advice(Map.of("range", range(from, to), "first", 200));
		List<Map<String, Object>> nodes = allAdvice(Map.of("range", range(from, to)), 200);
		assertThat(shape(nodes)).isEqualTo(expected);
		assertThat(first.get("tooShort")).isEqualTo(true);
		assertThat(nodes).allSatisfy((node) -> {
			assertThat(node.get("recommendation")).isEqualTo("KEEP");
			assertThat(amount(node, "monthlySaving")).isEqualTo("0.00");
			assertThat((String) node.get("reason")).startsWith("Too short to judge: the range has 3 days");
		});
		Map<String, Object> summary = summary(Map.of("range", range(from, to)));
		assertThat(summary.get("tooShort")).isEqualTo(true);
		assertThat(figures(summary)).isEqualTo(expectedFigures(expected));
		assertThat(list(summary, "currencies"))
			.allSatisfy((currency) -> assertThat(map(currency, "monthlySaving").get("amount")).isEqualTo("0.00"));
	}

	@Test
	void aVendorThatIsDownIsAFailedSourceAndTheOtherVendorsAdviceStands() {
		faults(this.alibaba.baseUrl(), Map.of("down", true));
		List<Map<String, Object>> huawei = expectedAdvice(
				estate(from(), to()).stream().filter((desktop) -> desktop.vendor().equals("HUAWEI")).toList(),
				DEMO_PRICES, 14, 7);

		assertThat(shape(allAdvice(Map.of("range", range(from(), to())), 200))).isEqualTo(huawei);
		Map<String, Object> response = post(ADVICE, Map.of("range", range(from(), to()), "first", 10));
		Map<String, Object> connection = map(map(response, "data"), "billingAdvice");
		assertThat(shape(list(connection, "edges").stream().map((edge) -> map(edge, "node")).toList()))
			.isEqualTo(huawei.subList(0, 10));
		assertThat(connection.get("totalCount")).isEqualTo(huawei.size());
		List<Map<String, Object>> sources = list(connection, "sources");
		assertThat(sources).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:FAILED");
		assertThat(map(sources.get(1), "error").get("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(errors(response)).singleElement()
			.satisfies((error) -> assertThat(extensions(error)).containsEntry("accountId", "alibaba-demo")
				.containsEntry("sourceState", "FAILED"));

		Map<String, Object> summaryResponse = post(SUMMARY, Map.of("range", range(from(), to())));
		Map<String, Object> summary = map(map(summaryResponse, "data"), "costSummary");
		assertThat(figures(summary)).isEqualTo(expectedFigures(huawei));
		assertThat(list(summary, "byAccount")).extracting((account) -> map(account, "account").get("id"))
			.containsExactly("huawei-demo");
		assertThat(list(summary, "sources")).extracting((source) -> source.get("state"))
			.containsExactly("OK", "FAILED");
	}

	private static final String TOTAL = """
			query($range: DateRange!, $accountIds: [ID!], $first: Int, $after: String) {
			  billingAdvice(range: $range, accountIds: $accountIds, first: $first, after: $after) { totalCount }
			}""";

	@Test
	void badInputIsABadRequestNamingTheArgumentBeforeAnyCall() {
		assertBadRequest(post(TOTAL, Map.of("range", range(to(), from()))), "range");
		assertBadRequest(post(TOTAL, Map.of("range", range(today().minusDays(400), to()))), "range");
		assertBadRequest(post(TOTAL, Map.of("range", range(today().plusDays(3), today().plusDays(9)))), "range");
		assertBadRequest(post(TOTAL, Map.of("range", range(from(), to()), "first", 0)), "first");
		assertBadRequest(post(TOTAL, Map.of("range", range(from(), to()), "first", 501)), "first");
		assertBadRequest(post(TOTAL, Map.of("range", range(from(), to()), "after", "not-a-cursor")), "after");
		assertBadRequest(post(TOTAL, Map.of("range", range(from(), to()), "accountIds", List.of("nope"))),
				"accountIds");
		assertBadRequest(post(SUMMARY, Map.of("range", range(to(), from()))), "range");
		assertBadRequest(post(SUMMARY, Map.of("range", range(from(), to()), "accountIds", List.of("nope"))),
				"accountIds");
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void coldAdviceDrainsEachInventoryAndRankingOnceAndTheSummaryReusesThem() {
		Map<String, Object> page = advice(Map.of("range", range(from(), to()), "first", 10));
		assertThat(list(page, "edges")).hasSize(10);
		Map<String, Number> huaweiCalls = calls(this.huawei.baseUrl());
		Map<String, Number> alibabaCalls = calls(this.alibaba.baseUrl());
		int huaweiDesktops = this.huawei.estate().desktops().size();
		assertThat(huaweiCalls.get("ListDesktopsDetail").longValue()).isEqualTo((huaweiDesktops + 999) / 1000);
		assertThat(huaweiCalls.get("ListDesktopUsageMetric").longValue()).isEqualTo((huaweiDesktops + 99) / 100);
		long describePages = this.alibaba.estate()
			.regions()
			.stream()
			.mapToLong((region) -> Math.max(1, (this.alibaba.estate().desktops(region).size() + 99) / 100))
			.sum();
		assertThat(alibabaCalls.get("DescribeDesktops").longValue()).isEqualTo(describePages);
		assertThat(alibabaCalls.get("QueryHistoryUsageDurationRank").longValue())
			.isEqualTo(Math.max(1, (this.alibaba.estate().usageRanking(from(), to()).size() + 199) / 200));
		long calls = vendorCalls();
		assertThat(calls).isEqualTo(huaweiCalls.values().stream().mapToLong(Number::longValue).sum()
				+ alibabaCalls.values().stream().mapToLong(Number::longValue).sum());

		summary(Map.of("range", range(from(), to())));
		allAdvice(Map.of("range", range(from(), to())), 100);
		assertThat(vendorCalls()).isEqualTo(calls);
	}

	static void assertBadRequest(Map<String, Object> response, String argument) {
		assertThat(response.get("data")).as("%s", response).isNull();
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("argument", argument);
			assertThat((String) error.get("message")).startsWith(argument + ":");
		});
	}

}
