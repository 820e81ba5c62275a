package io.deskgraph.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;

import org.springframework.lang.Nullable;

/**
 * The billing rule: from a desktop's billing mode, its list price and its usage in a
 * range, what it costs per month, what it should be and what that saves.
 * <p>
 * Usage is projected to a month as {@code usedHours × 30.4375 ÷ days}, where days are the
 * range's days up to the account's today (30.4375 = 365.25 ÷ 12, an average month). The
 * break-even is {@code monthly ÷ hourly}: below it an hourly bill is cheaper than a
 * subscription. In order: no price is UNPRICED (no cost, no saving); a range shorter than
 * the minimum is KEEP with no saving; a desktop without usage in the range is
 * REMOVE_IDLE, saving what it costs while unused (a subscription its monthly price, a
 * pay-as-you-go desktop its idle-monthly price); a subscription projected below the
 * break-even switches to pay-as-you-go, saving {@code monthly − projected × hourly}; a
 * pay-as-you-go desktop projected above it switches to a subscription, saving
 * {@code projected × hourly − monthly}; anything else is KEEP with no saving, and billing
 * modes the prices cannot cost (packages, unknown) are KEEP without cost or saving.
 * Amounts are computed exactly and rounded half up to two decimals at the end.
 *
 * @author DeskGraph
 */
public final class BillingRule {

	/** The days of an average month, 365.25 ÷ 12. */
	public static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private static final int SCALE = 12;

	private final int minRangeDays;

	/**
	 * Creates the rule.
	 * @param minRangeDays ranges shorter than this many days are too short to judge
	 */
	public BillingRule(int minRangeDays) {
		this.minRangeDays = minRangeDays;
	}

	/**
	 * Whether a range is too short to judge.
	 * @param days the range's days up to the account's today
	 * @return true when shorter than the minimum
	 */
	public boolean tooShort(long days) {
		return days < this.minRangeDays;
	}

	/**
	 * Advises on one desktop.
	 * @param desktop the desktop
	 * @param usedSeconds its usage in the range
	 * @param price its list price, or {@code null} when the catalogue has none
	 * @param days the range's days up to the account's today
	 * @return the advice
	 */
	public BillingAdvice advise(Desktop desktop, long usedSeconds, @Nullable Price price, long days) {
		BigDecimal used = BigDecimal.valueOf(usedSeconds).divide(SECONDS_PER_HOUR, SCALE, RoundingMode.HALF_UP);
		BigDecimal projected = (days > 0)
				? used.multiply(DAYS_PER_MONTH).divide(BigDecimal.valueOf(days), SCALE, RoundingMode.HALF_UP)
				: BigDecimal.ZERO;
		BillingMode billing = desktop.billingMode();
		String billed = billed(desktop);
		if (price == null) {
			String why = (desktop.spec() != null)
					? "no price for " + desktop.vendor() + " spec " + desktop.spec() + " in deskgraph.pricing"
					: "the vendor reports no spec for it, so no price applies";
			return unpriced(desktop, used, projected,
					"Unpriced: " + why + ((usedSeconds == 0) ? "; it had no usage in the range" : "") + ".");
		}
		BigDecimal breakEven = price.monthly().divide(price.hourly(), SCALE, RoundingMode.HALF_UP);
		BigDecimal cost = switch ((billing != null) ? billing : BillingMode.OTHER) {
			case SUBSCRIPTION -> price.monthly();
			case PAY_AS_YOU_GO -> (usedSeconds == 0) ? price.idleMonthly() : projected.multiply(price.hourly());
			default -> null;
		};
		String currency = price.currency();
		if (tooShort(days)) {
			return advice(desktop, used, breakEven, projected, Recommendation.KEEP, cost,
					(cost != null) ? BigDecimal.ZERO : null,
					"Too short to judge: the range has " + days + " day" + ((days == 1) ? "" : "s")
							+ " up to today, fewer than deskgraph.pricing.min-range-days (" + this.minRangeDays
							+ "); keep it " + billed + ".",
					currency);
		}
		if (usedSeconds == 0) {
			String unusedCost = switch ((billing != null) ? billing : BillingMode.OTHER) {
				case SUBSCRIPTION -> "its monthly subscription (" + amount(price.monthly(), currency) + ")";
				case PAY_AS_YOU_GO -> "its idle-monthly price (" + amount(price.idleMonthly(), currency) + ")";
				default -> "an amount the prices cannot tell (billed " + billed + ")";
			};
			return advice(
					desktop, used, breakEven, projected, Recommendation.REMOVE_IDLE, cost, cost, "No usage in the "
							+ days + "-day range: remove it; while unused it costs " + unusedCost + " a month.",
					currency);
		}
		String usage = "projected " + decimals(projected) + " h a month against a break-even of " + decimals(breakEven)
				+ " h";
		if (billing == BillingMode.SUBSCRIPTION) {
			BigDecimal hourlyBill = projected.multiply(price.hourly());
			if (projected.compareTo(breakEven) < 0) {
				return advice(desktop, used, breakEven, projected, Recommendation.SWITCH_TO_PAY_AS_YOU_GO, cost,
						price.monthly().subtract(hourlyBill),
						"Subscription " + usage + ": paying by the hour would cost " + amount(hourlyBill, currency)
								+ " instead of " + amount(price.monthly(), currency) + ".",
						currency);
			}
			return advice(desktop, used, breakEven, projected, Recommendation.KEEP, cost, BigDecimal.ZERO,
					"Subscription " + usage + ": the subscription is the cheaper bill.", currency);
		}
		if (billing == BillingMode.PAY_AS_YOU_GO) {
			if (projected.compareTo(breakEven) > 0) {
				return advice(desktop, used, breakEven, projected, Recommendation.SWITCH_TO_SUBSCRIPTION, cost,
						cost.subtract(price.monthly()), "Pay-as-you-go " + usage + ": a subscription would cost "
								+ amount(price.monthly(), currency) + " instead of " + amount(cost, currency) + ".",
						currency);
			}
			return advice(desktop, used, breakEven, projected, Recommendation.KEEP, cost, BigDecimal.ZERO,
					"Pay-as-you-go " + usage + ": paying by the hour is the cheaper bill.", currency);
		}
		return advice(desktop, used, breakEven, projected, Recommendation.KEEP, null, null,
				"Billed " + billed + ", which the catalogue's monthly and hourly prices cannot cost; keep it.",
				currency);
	}

	private static BillingAdvice unpriced(Desktop desktop, BigDecimal used, BigDecimal projected, String reason) {
		return new BillingAdvice(desktop, desktop.billingMode(), desktop.spec(), hours(used), null, hours(projected),
				Recommendation.UNPRICED, null, null, reason);
	}

	private static BillingAdvice advice(Desktop desktop, BigDecimal used, BigDecimal breakEven, BigDecimal projected,
			Recommendation recommendation, @Nullable BigDecimal cost, @Nullable BigDecimal saving, String reason,
			String currency) {
		return new BillingAdvice(desktop, desktop.billingMode(), desktop.spec(), hours(used), hours(breakEven),
				hours(projected), recommendation, (cost != null) ? new Money(cost, currency) : null,
				(saving != null) ? new Money(saving, currency) : null, reason);
	}

	private static String billed(Desktop desktop) {
		if (desktop.billingMode() == null) {
			return "as it is (the vendor reports no billing mode)";
		}
		return "as " + desktop.billingMode()
				+ ((desktop.vendorBillingMode() != null) ? " (" + desktop.vendorBillingMode() + ")" : "");
	}

	private static double hours(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static String amount(BigDecimal amount, String currency) {
		return decimals(amount) + " " + currency;
	}

	private static String decimals(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
