package io.deskgraph.cost;

import java.util.ArrayList;
import java.util.List;

import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;
import io.deskgraph.usage.Vendor;

/**
 * Monthly cost, advised cost and saving of the selected accounts that answered, per
 * currency, per vendor and per account, with the desktops behind each figure.
 *
 * @param desktops desktops advised on
 * @param unpriced desktops without a price
 * @param notCosted priced desktops whose billing mode the prices cannot cost
 * @param currencies figures per currency, by currency code
 * @param byRecommendation desktops and savings per recommendation
 * @param byVendor the same per vendor, in vendor order
 * @param byAccount the same per account, in account order
 * @param tooShort whether the range was too short to judge for some account
 * @param minRangeDays the shortest range judged
 * @param examplePrices whether the prices are example prices
 * @param sources how each selected account contributed
 * @author DeskGraph
 */
public record CostSummary(int desktops, int unpriced, int notCosted, List<CurrencyCost> currencies,
		List<RecommendationCount> byRecommendation, List<VendorCost> byVendor, List<AccountCost> byAccount,
		boolean tooShort, int minRangeDays, boolean examplePrices,
		List<SourceStatus> sources) implements SourcedResult {

	/**
	 * Sums the advice of the accounts that answered.
	 * @param answered each answered account's advice, in account order
	 * @param sources how each selected account contributed
	 * @param tooShort whether the range was too short to judge for some account
	 * @param minRangeDays the shortest range judged
	 * @param examplePrices whether the prices are example prices
	 * @return the summary
	 */
	public static CostSummary of(List<AccountAdvice> answered, List<SourceStatus> sources, boolean tooShort,
			int minRangeDays, boolean examplePrices) {
		List<BillingAdvice> all = new ArrayList<>();
		List<AccountCost> byAccount = new ArrayList<>();
		for (AccountAdvice account : answered) {
			all.addAll(account.advice());
			CostFigures figures = CostFigures.of(account.advice());
			byAccount.add(new AccountCost(account.account(), figures.desktops(), figures.unpriced(),
					figures.notCosted(), figures.currencies(), figures.byRecommendation()));
		}
		List<VendorCost> byVendor = new ArrayList<>();
		for (Vendor vendor : Vendor.values()) {
			List<AccountAdvice> ofVendor = answered.stream()
				.filter((account) -> account.account().vendor() == vendor)
				.toList();
			if (!ofVendor.isEmpty()) {
				CostFigures figures = CostFigures
					.of(ofVendor.stream().flatMap((account) -> account.advice().stream()).toList());
				byVendor.add(new VendorCost(vendor, figures.desktops(), figures.unpriced(), figures.notCosted(),
						figures.currencies(), figures.byRecommendation()));
			}
		}
		CostFigures total = CostFigures.of(all);
		return new CostSummary(total.desktops(), total.unpriced(), total.notCosted(), total.currencies(),
				total.byRecommendation(), byVendor, byAccount, tooShort, minRangeDays, examplePrices, sources);
	}

}
