package io.deskgraph.cost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for cost advice with a configured catalogue in demo mode: specs without a price
 * are UNPRICED and listed last, two currencies within one account are summed apart and
 * never added, and an account's own price wins over the vendor-wide one.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = { "deskgraph.pricing.min-range-days=10", "deskgraph.pricing.prices[0].vendor=HUAWEI",
		"deskgraph.pricing.prices[0].spec=workspace.x86.general.large2", "deskgraph.pricing.prices[0].monthly=145",
		"deskgraph.pricing.prices[0].hourly=1.10", "deskgraph.pricing.prices[0].currency=CNY",
		"deskgraph.pricing.prices[1].vendor=HUAWEI", "deskgraph.pricing.prices[1].spec=workspace.x86.general.xlarge2",
		"deskgraph.pricing.prices[1].monthly=36", "deskgraph.pricing.prices[1].hourly=0.3",
		"deskgraph.pricing.prices[1].idle-monthly=2.5", "deskgraph.pricing.prices[1].currency=USD",
		"deskgraph.pricing.prices[2].vendor=ALIBABA", "deskgraph.pricing.prices[2].spec=eds.enterprise_office.2c4g",
		"deskgraph.pricing.prices[2].monthly=20", "deskgraph.pricing.prices[2].hourly=0.15",
		"deskgraph.pricing.prices[2].currency=EUR", "deskgraph.pricing.prices[3].vendor=ALIBABA",
		"deskgraph.pricing.prices[3].spec=eds.enterprise_office.2c4g",
		"deskgraph.pricing.prices[3].account-id=alibaba-demo", "deskgraph.pricing.prices[3].monthly=150",
		"deskgraph.pricing.prices[3].hourly=1.2", "deskgraph.pricing.prices[3].idle-monthly=9.99",
		"deskgraph.pricing.prices[3].currency=CNY", "deskgraph.pricing.prices[4].vendor=ALIBABA",
		"deskgraph.pricing.prices[4].spec=eds.enterprise_office.4c8g", "deskgraph.pricing.prices[4].monthly=40",
		"deskgraph.pricing.prices[4].hourly=0.3", "deskgraph.pricing.prices[4].currency=USD" })
class CostCatalogueTests extends CostTestSupport {

	private static final Map<String, TestPrice> PRICES = Map.of("HUAWEI|workspace.x86.general.large2",
			price("145", "1.10", "0", "CNY"), "HUAWEI|workspace.x86.general.xlarge2", price("36", "0.3", "2.5", "USD"),
			"ALIBABA|eds.enterprise_office.2c4g", price("20", "0.15", "0", "EUR"),
			"alibaba-demo|eds.enterprise_office.2c4g", price("150", "1.2", "9.99", "CNY"),
			"ALIBABA|eds.enterprise_office.4c8g", price("40", "0.3", "0", "USD"));

	private LocalDate from() {
		return today().minusDays(15);
	}

	private LocalDate to() {
		return today().minusDays(2);
	}

	@Test
	void specsWithoutAPriceAreUnpricedAndLastAndCurrenciesAreNeverAdded() {
		List<Map<String, Object>> expected = expectedAdvice(estate(from(), to()), PRICES, 14, 10);
		List<Map<String, Object>> nodes = allAdvice(Map.of("range", range(from(), to())), 200);
		assertThat(shape(nodes)).isEqualTo(expected);

		List<Map<String, Object>> unpriced = nodes.stream()
			.filter((node) -> node.get("recommendation").equals("UNPRICED"))
			.toList();
		assertThat(unpriced).isNotEmpty().allSatisfy((node) -> {
			assertThat(node.get("monthlyCost")).isNull();
			assertThat(node.get("monthlySaving")).isNull();
			assertThat(node.get("breakEvenHours")).isNull();
			assertThat((String) node.get("reason")).contains("no price for").contains((String) node.get("spec"));
		});
		assertThat(nodes.subList(nodes.size() - unpriced.size(), nodes.size())).isEqualTo(unpriced);
		assertThat(nodes).extracting((node) -> node.get("spec"))
			.contains("workspace.x86.general.2xlarge2", "eds.enterprise_office.8c16g", "eds.graphics.8c32g");
		// The account's own price wins: the vendor-wide EUR price is never used.
		assertThat(nodes).filteredOn((node) -> node.get("monthlyCost") != null)
			.extracting((node) -> currency(node, "monthlyCost"))
			.containsOnly("CNY", "USD");

		Map<String, Object> first = advice(Map.of("range", range(from(), to()), "first", 1));
		assertThat(first.get("examplePrices")).isEqualTo(false);
		assertThat(first.get("minRangeDays")).isEqualTo(10);

		Map<String, Object> summary = summary(Map.of("range", range(from(), to())));
		assertThat(figures(summary)).isEqualTo(expectedFigures(expected));
		assertThat((Integer) summary.get("unpriced")).isEqualTo(unpriced.size());
		assertThat(summary.get("examplePrices")).isEqualTo(false);
		// Each account has desktops priced in CNY and in USD: two figures each, never
		// one.
		for (Map<String, Object> account : list(summary, "byAccount")) {
			assertThat(list(account, "currencies")).extracting((currency) -> currency.get("currency"))
				.containsExactly("CNY", "USD");
		}
		assertThat(list(summary, "currencies")).extracting((currency) -> currency.get("currency"))
			.containsExactly("CNY", "USD");
	}

	@Test
	void aRangeShorterThanTheConfiguredMinimumIsTooShort() {
		LocalDate from = today().minusDays(10);
		LocalDate to = today().minusDays(2);
		Map<String, Object> summary = summary(Map.of("range", range(from, to)));
		assertThat(summary.get("tooShort")).isEqualTo(true);
		assertThat(figures(summary)).isEqualTo(expectedFigures(expectedAdvice(estate(from, to), PRICES, 9, 10)));
	}

}
