package io.deskgraph.cost;

import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;

import org.springframework.lang.Nullable;

/**
 * The advice for one desktop over a range.
 *
 * @param desktop the desktop, as the account's inventory lists it
 * @param billingMode how it is billed, when the vendor says
 * @param spec the spec its price is looked up by, when the vendor says
 * @param usedHours usage in the range (hours, two decimals)
 * @param breakEvenHours monthly ÷ hourly price (two decimals), when priced
 * @param projectedMonthlyHours usedHours × 30.4375 ÷ the range's days (two decimals)
 * @param recommendation the recommendation
 * @param monthlyCost what the desktop costs per month as it is billed; {@code null} when
 * unpriced or its billing mode cannot be costed
 * @param monthlySaving what following the recommendation saves per month (0 for KEEP);
 * {@code null} when the cost is
 * @param reason why, in a sentence
 * @author DeskGraph
 */
public record BillingAdvice(Desktop desktop, @Nullable BillingMode billingMode, @Nullable String spec, double usedHours,
		@Nullable Double breakEvenHours, double projectedMonthlyHours, Recommendation recommendation,
		@Nullable Money monthlyCost, @Nullable Money monthlySaving, String reason) {

	/**
	 * What the desktop would cost per month once the recommendation is followed.
	 * @return monthly cost minus saving, or {@code null} when there is no cost
	 */
	@Nullable
	public Money advisedMonthlyCost() {
		return (this.monthlyCost != null && this.monthlySaving != null) ? this.monthlyCost.minus(this.monthlySaving)
				: null;
	}

}
