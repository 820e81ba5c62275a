package io.deskgraph.cost;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cost figures of a set of desktops: per currency (never added across currencies), per
 * recommendation, and how many desktops are unpriced or not costed.
 *
 * @param desktops how many desktops were advised on
 * @param unpriced how many of them have no price (UNPRICED)
 * @param notCosted how many priced ones have a billing mode the prices cannot cost (no
 * cost or saving)
 * @param currencies the figures per currency, by currency code
 * @param byRecommendation the desktops and savings per recommendation, in the
 * recommendation's order, only those given
 * @author DeskGraph
 */
public record CostFigures(int desktops, int unpriced, int notCosted, List<CurrencyCost> currencies,
		List<RecommendationCount> byRecommendation) {

	/**
	 * Sums the figures of some advice.
	 * @param advice the advice
	 * @return the figures
	 */
	public static CostFigures of(List<BillingAdvice> advice) {
		int unpriced = 0;
		int notCosted = 0;
		Map<String, Money[]> sums = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		Map<Recommendation, Integer> recommended = new EnumMap<>(Recommendation.class);
		Map<Recommendation, Map<String, Money>> saved = new EnumMap<>(Recommendation.class);
		for (BillingAdvice one : advice) {
			recommended.merge(one.recommendation(), 1, Integer::sum);
			Money cost = one.monthlyCost();
			Money saving = one.monthlySaving();
			if (one.recommendation() == Recommendation.UNPRICED) {
				unpriced++;
				continue;
			}
			if (cost == null || saving == null) {
				notCosted++;
				continue;
			}
			String currency = cost.currency();
			Money[] sum = sums.computeIfAbsent(currency,
					(key) -> new Money[] { Money.zero(key), Money.zero(key), Money.zero(key) });
			sum[0] = sum[0].plus(cost);
			sum[1] = sum[1].plus(cost.minus(saving));
			sum[2] = sum[2].plus(saving);
			counts.merge(currency, 1, Integer::sum);
			saved.computeIfAbsent(one.recommendation(), (key) -> new TreeMap<>()).merge(currency, saving, Money::plus);
		}
		List<CurrencyCost> currencies = new ArrayList<>();
		sums.forEach((currency, sum) -> currencies
			.add(new CurrencyCost(currency, sum[0], sum[1], sum[2], counts.get(currency))));
		List<RecommendationCount> byRecommendation = new ArrayList<>();
		recommended.forEach((recommendation, count) -> byRecommendation.add(new RecommendationCount(recommendation,
				count, List.copyOf(saved.getOrDefault(recommendation, Map.of()).values()))));
		return new CostFigures(advice.size(), unpriced, notCosted, currencies, byRecommendation);
	}

}
