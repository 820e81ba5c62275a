package io.deskgraph.cost;

import java.util.List;

import io.deskgraph.usage.Account;

/**
 * Cost figures of one answered account.
 *
 * @param account the account
 * @param desktops desktops advised on
 * @param unpriced desktops without a price
 * @param notCosted priced desktops whose billing mode the prices cannot cost
 * @param currencies figures per currency
 * @param byRecommendation desktops and savings per recommendation
 * @author DeskGraph
 */
public record AccountCost(Account account, int desktops, int unpriced, int notCosted, List<CurrencyCost> currencies,
		List<RecommendationCount> byRecommendation) {

}
