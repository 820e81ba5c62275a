package io.deskgraph.cost;

/**
 * Monthly cost figures of one currency: the sums of the figures of the desktops priced in
 * it.
 *
 * @param currency the ISO 4217 code
 * @param monthlyCost what the desktops cost per month as billed
 * @param advisedMonthlyCost what they would cost once the advice is followed
 * @param monthlySaving the difference
 * @param desktops how many desktops the figures sum
 * @author DeskGraph
 */
public record CurrencyCost(String currency, Money monthlyCost, Money advisedMonthlyCost, Money monthlySaving,
		int desktops) {

}
