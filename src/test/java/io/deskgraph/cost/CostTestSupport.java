package io.deskgraph.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktopProduct;
import io.deskgraph.system.limits.DefaultLimitsTestSupport;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the cost advice tests over real HTTP in demo mode: the operations, and the
 * advice and summary computed independently from the simulators' estates and a catalogue,
 * figure by figure, with nothing of {@code io.deskgraph.cost} but its inputs.
 *
 * @author DeskGraph
 */
abstract class CostTestSupport extends DefaultLimitsTestSupport {

	static final String ADVICE = """
			query BillingAdvice($range: DateRange!, $vendors: [Vendor!], $accountIds: [ID!], $first: Int, $after: String) {
			  billingAdvice(range: $range, vendors: $vendors, accountIds: $accountIds, first: $first, after: $after) {
			    edges { cursor node { desktop { id vendor accountId name } billingMode spec usedHours breakEvenHours
			      projectedMonthlyHours recommendation monthlyCost { amount currency } monthlySaving { amount currency }
			      reason } }
			    pageInfo { hasNextPage endCursor }
			    totalCount tooShort minRangeDays examplePrices
			    sources { vendor accountId state error { code message retryable } }
			  }
			}""";

	static final String FIGURES = "desktops unpriced notCosted currencies { currency monthlyCost { amount currency } "
			+ "advisedMonthlyCost { amount currency } monthlySaving { amount currency } desktops } "
			+ "byRecommendation { recommendation desktops monthlySaving { amount currency } }";

	static final String SUMMARY = "query CostSummary($range: DateRange!, $vendors: [Vendor!], $accountIds: [ID!]) {"
			+ " costSummary(range: $range, vendors: $vendors, accountIds: $accountIds) { " + FIGURES
			+ " byVendor { vendor " + FIGURES + " } byAccount { account { id } " + FIGURES + " }"
			+ " tooShort minRangeDays examplePrices sources { accountId state } } }";

	private static final BigDecimal MONTH_DAYS = new BigDecimal("30.4375");

	/** The demo catalogue, as demo-pricing.yml writes it. */
	static final Map<String, TestPrice> DEMO_PRICES = Map.of("HUAWEI|workspace.x86.general.large2",
			price("145.00", "1.10", "15.00", "CNY"), "HUAWEI|workspace.x86.general.xlarge2",
			price("260.00", "2.00", "20.00", "CNY"), "HUAWEI|workspace.x86.general.2xlarge2",
			price("480.00", "3.20", "30.00", "CNY"), "ALIBABA|eds.enterprise_office.2c4g",
			price("21.00", "0.16", "2.00", "USD"), "ALIBABA|eds.enterprise_office.4c8g",
			price("38.00", "0.28", "3.00", "USD"), "ALIBABA|eds.enterprise_office.8c16g",
			price("72.00", "0.50", "5.00", "USD"), "ALIBABA|eds.graphics.8c32g",
			price("260.00", "1.60", "12.00", "USD"));

	static TestPrice price(String monthly, String hourly, String idleMonthly, String currency) {
		return new TestPrice(new BigDecimal(monthly), new BigDecimal(hourly), new BigDecimal(idleMonthly), currency);
	}

	static Map<String, Object> range(LocalDate from, LocalDate to) {
		return Map.of("from", from.toString(), "to", to.toString());
	}

	/** Every desktop of both estates as the simulators describe it, with its usage. */
	List<EstateDesktop> estate(LocalDate from, LocalDate to) {
		List<EstateDesktop> desktops = new ArrayList<>();
		for (HuaweiDesktop desktop : this.huawei.estate().desktops()) {
			HuaweiDesktopProduct product = this.huawei.estate().product(desktop.id());
			long seconds = 0;
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				seconds += this.huawei.estate().usageSeconds(desktop.id(), day);
			}
			desktops.add(new EstateDesktop("huawei:huawei-demo:" + desktop.id(), "HUAWEI", "huawei-demo",
					product.productId(),
					HuaweiDesktopProduct.SUBSCRIPTION.equals(product.chargeMode()) ? "SUBSCRIPTION" : "PAY_AS_YOU_GO",
					seconds));
		}
		for (String region : this.alibaba.estate().regions()) {
			for (AlibabaDesktop desktop : this.alibaba.estate().desktops(region)) {
				desktops.add(new EstateDesktop("alibaba:alibaba-demo:" + desktop.desktopId(), "ALIBABA", "alibaba-demo",
						desktop.desktopType(),
						"PrePaid".equals(desktop.chargeType()) ? "SUBSCRIPTION" : "PAY_AS_YOU_GO",
						this.alibaba.estate().desktopUsageSeconds(desktop.desktopId(), from, to)));
			}
		}
		return desktops;
	}

	/**
	 * The advice the rule gives, as billingAdvice's nodes would show it (desktop
	 * reduced to its id, reason left out), in billingAdvice's order.
	 */
	static List<Map<String, Object>> expectedAdvice(List<EstateDesktop> desktops, Map<String, TestPrice> prices,
			long days, int minRangeDays) {
		List<Map<String, Object>> advice = new ArrayList<>();
		for (EstateDesktop desktop : desktops) {
			TestPrice price = prices.getOrDefault(desktop.accountId() + "|" + desktop.spec(),
					prices.get(desktop.vendor() + "|" + desktop.spec()));
			BigDecimal used = BigDecimal.valueOf(desktop.seconds());
			BigDecimal projected = used.multiply(MONTH_DAYS)
				.divide(BigDecimal.valueOf(3600 * days), 20, RoundingMode.HALF_UP);
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("id", desktop.id());
			node.put("billingMode", desktop.billingMode());
			node.put("spec", desktop.spec());
			node.put("usedHours", hours(used.divide(BigDecimal.valueOf(3600), 20, RoundingMode.HALF_UP)));
			node.put("projectedMonthlyHours", hours(projected));
			if (price == null) {
				node.put("breakEvenHours", null);
				node.put("recommendation", "UNPRICED");
				node.put("monthlyCost", null);
				node.put("monthlySaving", null);
				advice.add(node);
				continue;
			}
			BigDecimal breakEven = price.monthly().divide(price.hourly(), 20, RoundingMode.HALF_UP);
			node.put("breakEvenHours", hours(breakEven));
			boolean subscription = desktop.billingMode().equals("SUBSCRIPTION");
			boolean idle = desktop.seconds() == 0;
			BigDecimal hourlyBill = projected.multiply(price.hourly());
			BigDecimal cost = subscription ? price.monthly() : idle ? price.idleMonthly() : hourlyBill;
			String recommendation;
			BigDecimal saving;
			if (days < minRangeDays) {
				recommendation = "KEEP";
				saving = BigDecimal.ZERO;
			}
			else if (idle) {
				recommendation = "REMOVE_IDLE";
				saving = cost;
			}
			else if (subscription && projected.compareTo(breakEven) < 0) {
				recommendation = "SWITCH_TO_PAY_AS_YOU_GO";
				saving = price.monthly().subtract(hourlyBill);
			}
			else if (!subscription && projected.compareTo(breakEven) > 0) {
				recommendation = "SWITCH_TO_SUBSCRIPTION";
				saving = hourlyBill.subtract(price.monthly());
			}
			else {
				recommendation = "KEEP";
				saving = BigDecimal.ZERO;
			}
			node.put("recommendation", recommendation);
			node.put("monthlyCost", money(cost, price.currency()));
			node.put("monthlySaving", money(saving, price.currency()));
			advice.add(node);
		}
		advice.sort(Comparator.comparing((Map<String, Object> node) -> node.get("monthlySaving") == null)
			.thenComparing((node) -> (node.get("monthlySaving") != null)
					? new BigDecimal(amount(node, "monthlySaving")).negate() : BigDecimal.ZERO)
			.thenComparing((node) -> (node.get("monthlySaving") != null) ? currency(node, "monthlySaving") : "")
			.thenComparing((node) -> (String) node.get("id")));
		return advice;
	}

	/** billingAdvice's nodes in the same shape as {@link #expectedAdvice}. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> shape(List<Map<String, Object>> nodes) {
		List<Map<String, Object>> shaped = new ArrayList<>();
		for (Map<String, Object> node : nodes) {
			Map<String, Object> copy = new LinkedHashMap<>();
			copy.put("id", ((Map<String, Object>) node.get("desktop")).get("id"));
			for (String field : List.of("billingMode", "spec", "usedHours", "projectedMonthlyHours", "breakEvenHours",
					"recommendation", "monthlyCost", "monthlySaving")) {
				copy.put(field, node.get(field));
			}
			shaped.add(copy);
		}
		return shaped;
	}

	/**
	 * The figures costSummary gives of some expected advice: per currency, the sums of
	 * the rounded per-desktop figures.
	 */
	static Map<String, Object> expectedFigures(List<Map<String, Object>> advice) {
		Map<String, BigDecimal[]> sums = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		Map<String, Integer> recommendations = new LinkedHashMap<>();
		Map<String, Map<String, BigDecimal>> saved = new LinkedHashMap<>();
		for (String recommendation : List.of("KEEP", "SWITCH_TO_PAY_AS_YOU_GO", "SWITCH_TO_SUBSCRIPTION", "REMOVE_IDLE",
				"UNPRICED")) {
			recommendations.put(recommendation, 0);
		}
		int unpriced = 0;
		for (Map<String, Object> node : advice) {
			String recommendation = (String) node.get("recommendation");
			recommendations.merge(recommendation, 1, Integer::sum);
			if (recommendation.equals("UNPRICED")) {
				unpriced++;
				continue;
			}
			String currency = currency(node, "monthlyCost");
			assertThat(currency(node, "monthlySaving")).isEqualTo(currency);
			BigDecimal cost = new BigDecimal(amount(node, "monthlyCost"));
			BigDecimal saving = new BigDecimal(amount(node, "monthlySaving"));
			BigDecimal[] sum = sums.computeIfAbsent(currency,
					(key) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			sum[0] = sum[0].add(cost);
			sum[1] = sum[1].add(cost.subtract(saving));
			sum[2] = sum[2].add(saving);
			counts.merge(currency, 1, Integer::sum);
			saved.computeIfAbsent(recommendation, (key) -> new TreeMap<>()).merge(currency, saving, BigDecimal::add);
		}
		List<Map<String, Object>> currencies = new ArrayList<>();
		sums.forEach((currency,
				sum) -> currencies.add(Map.of("currency", currency, "monthlyCost", money(sum[0], currency),
						"advisedMonthlyCost", money(sum[1], currency), "monthlySaving", money(sum[2], currency),
						"desktops", counts.get(currency))));
		List<Map<String, Object>> byRecommendation = new ArrayList<>();
		recommendations.forEach((recommendation, count) -> {
			if (count > 0) {
				List<Map<String, Object>> savings = new ArrayList<>();
				saved.getOrDefault(recommendation, Map.of())
					.forEach((currency, amount) -> savings.add(money(amount, currency)));
				byRecommendation
					.add(Map.of("recommendation", recommendation, "desktops", count, "monthlySaving", savings));
			}
		});
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("desktops", advice.size());
		figures.put("unpriced", unpriced);
		figures.put("notCosted", 0);
		figures.put("currencies", currencies);
		figures.put("byRecommendation", byRecommendation);
		return figures;
	}

	/** Only the figures of a summary, vendor or account map. */
	static Map<String, Object> figures(Map<String, Object> map) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (String field : List.of("desktops", "unpriced", "notCosted", "currencies", "byRecommendation")) {
			figures.put(field, map.get(field));
		}
		return figures;
	}

	/**
	 * Every node of billingAdvice, paged with first; errors of failed sources are
	 * allowed, the caller checks the sources.
	 */
	List<Map<String, Object>> allAdvice(Map<String, Object> variables, int first) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = new LinkedHashMap<>(variables);
			page.put("first", first);
			if (after != null) {
				page.put("after", after);
			}
			Map<String, Object> response = post(ADVICE, page);
			Map<String, Object> connection = map(map(response, "data"), "billingAdvice");
			assertThat(connection).as("%s", response).isNotNull();
			for (Map<String, Object> edge : list(connection, "edges")) {
				nodes.add(map(edge, "node"));
			}
			Map<String, Object> pageInfo = map(connection, "pageInfo");
			after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
		}
		while (after != null);
		return nodes;
	}

	Map<String, Object> advice(Map<String, Object> variables) {
		Map<String, Object> response = post(ADVICE, variables);
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		return map(map(response, "data"), "billingAdvice");
	}

	Map<String, Object> summary(Map<String, Object> variables) {
		Map<String, Object> response = post(SUMMARY, variables);
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		return map(map(response, "data"), "costSummary");
	}

	void faults(String baseUrl, Map<String, Object> faults) {
		WebClient.create(baseUrl).put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

	static Map<String, Object> money(BigDecimal amount, String currency) {
		return Map.of("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), "currency", currency);
	}

	static double hours(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	static String amount(Map<String, Object> node, String field) {
		return (String) map(node, field).get("amount");
	}

	static String currency(Map<String, Object> node, String field) {
		return (String) map(node, field).get("currency");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	/**
	 * A price of the test catalogue.
	 */
	record TestPrice(BigDecimal monthly, BigDecimal hourly, BigDecimal idleMonthly, String currency) {
	}

	/**
	 * A desktop of an estate: what its simulator says of it and its usage in the range.
	 */
	record EstateDesktop(String id, String vendor, String accountId, String spec, String billingMode, long seconds) {
	}

}
