package io.deskgraph.cost;

import java.math.BigDecimal;

import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BillingRule}.
 *
 * @author DeskGraph
 */
class BillingRuleTests {

	// Break-even 100 hours a month.
	private static final Price PRICE = new Price(new BigDecimal("100.00"), new BigDecimal("1.00"),
			new BigDecimal("7.50"), "CNY", false);

	private final BillingRule rule = new BillingRule(7);

	/** Seconds of a number of hours of usage. */
	private static long monthOf(int hours) {
		return hours * 3600L;
	}

	private BillingAdvice advise(BillingMode billing, long seconds, long days) {
		return this.rule.advise(desktop(billing, "spec-1"), seconds, PRICE, days);
	}

	private static Desktop desktop(BillingMode billing, String spec) {
		return Desktop.of(Vendor.HUAWEI, "hw", "d1", "wks-1").billed(billing, null).withSpec(spec);
	}

	@Test
	void projectsUsedHoursToAnAverageMonthOfTheRangesDays() {
		// 10 hours in 14 days: 10 × 30.4375 ÷ 14 = 21.7410...
		BillingAdvice advice = advise(BillingMode.SUBSCRIPTION, 36_000, 14);
		assertThat(advice.usedHours()).isEqualTo(10.0);
		assertThat(advice.projectedMonthlyHours()).isEqualTo(21.74);
		assertThat(advice.breakEvenHours()).isEqualTo(100.0);
	}

	@Test
	void subscriptionBelowBreakEvenSwitchesToPayAsYouGoSavingTheDifference() {
		// 40 hours in 30.4375 days is impossible to ask; 28 days: 40 × 30.4375 ÷ 28 =
		// 43.48 h.
		BillingAdvice advice = advise(BillingMode.SUBSCRIPTION, monthOf(40), 28);
		assertThat(advice.recommendation()).isEqualTo(Recommendation.SWITCH_TO_PAY_AS_YOU_GO);
		assertThat(advice.monthlyCost()).isEqualTo(new Money(new BigDecimal("100"), "CNY"));
		// 100 − 43.482142... × 1.00 = 56.517857...
		assertThat(advice.monthlySaving()).isEqualTo(new Money(new BigDecimal("56.52"), "CNY"));
		assertThat(advice.advisedMonthlyCost()).isEqualTo(new Money(new BigDecimal("43.48"), "CNY"));
		assertThat(advice.reason()).contains("43.48 h").contains("break-even of 100.00 h");
	}

	@Test
	void subscriptionAtOrAboveBreakEvenIsKept() {
		BillingAdvice advice = advise(BillingMode.SUBSCRIPTION, monthOf(200), 28);
		assertThat(advice.recommendation()).isEqualTo(Recommendation.KEEP);
		assertThat(advice.monthlySaving()).isEqualTo(Money.zero("CNY"));
		assertThat(advice.monthlyCost()).isEqualTo(new Money(new BigDecimal("100"), "CNY"));
	}

	@Test
	void payAsYouGoAboveBreakEvenSwitchesToSubscriptionSavingTheDifference() {
		// 200 × 30.4375 ÷ 28 = 217.41 h, 217.41 CNY by the hour.
		BillingAdvice advice = advise(BillingMode.PAY_AS_YOU_GO, monthOf(200), 28);
		assertThat(advice.recommendation()).isEqualTo(Recommendation.SWITCH_TO_SUBSCRIPTION);
		assertThat(advice.monthlyCost()).isEqualTo(new Money(new BigDecimal("217.41"), "CNY"));
		assertThat(advice.monthlySaving()).isEqualTo(new Money(new BigDecimal("117.41"), "CNY"));
	}

	@Test
	void payAsYouGoAtOrBelowBreakEvenIsKeptAtItsHourlyBill() {
		BillingAdvice advice = advise(BillingMode.PAY_AS_YOU_GO, monthOf(40), 28);
		assertThat(advice.recommendation()).isEqualTo(Recommendation.KEEP);
		assertThat(advice.monthlyCost()).isEqualTo(new Money(new BigDecimal("43.48"), "CNY"));
		assertThat(advice.monthlySaving()).isEqualTo(Money.zero("CNY"));
	}

	@Test
	void idleDesktopsAreRemovedSavingWhatTheyCostWhileUnused() {
		BillingAdvice subscription = advise(BillingMode.SUBSCRIPTION, 0, 14);
		assertThat(subscription.recommendation()).isEqualTo(Recommendation.REMOVE_IDLE);
		assertThat(subscription.monthlySaving()).isEqualTo(new Money(new BigDecimal("100"), "CNY"));
		assertThat(subscription.advisedMonthlyCost()).isEqualTo(Money.zero("CNY"));
		BillingAdvice payAsYouGo = advise(BillingMode.PAY_AS_YOU_GO, 0, 14);
		assertThat(payAsYouGo.recommendation()).isEqualTo(Recommendation.REMOVE_IDLE);
		assertThat(payAsYouGo.monthlyCost()).isEqualTo(new Money(new BigDecimal("7.50"), "CNY"));
		assertThat(payAsYouGo.monthlySaving()).isEqualTo(new Money(new BigDecimal("7.50"), "CNY"));
		assertThat(payAsYouGo.reason()).contains("idle-monthly price (7.50 CNY)");
	}

	@Test
	void aRangeShorterThanTheMinimumKeepsEvenIdleDesktopsWithoutSaving() {
		assertThat(this.rule.tooShort(6)).isTrue();
		assertThat(this.rule.tooShort(7)).isFalse();
		BillingAdvice idle = advise(BillingMode.SUBSCRIPTION, 0, 6);
		assertThat(idle.recommendation()).isEqualTo(Recommendation.KEEP);
		assertThat(idle.monthlySaving()).isEqualTo(Money.zero("CNY"));
		assertThat(idle.reason()).startsWith("Too short to judge: the range has 6 days");
		BillingAdvice busy = advise(BillingMode.PAY_AS_YOU_GO, monthOf(200), 6);
		assertThat(busy.recommendation()).isEqualTo(Recommendation.KEEP);
		assertThat(busy.monthlySaving()).isEqualTo(Money.zero("CNY"));
	}

	@Test
	void withoutAPriceTheDesktopIsUnpricedWithoutCostOrSaving() {
		BillingAdvice advice = this.rule.advise(desktop(BillingMode.SUBSCRIPTION, "spec-x"), monthOf(10), null, 14);
		assertThat(advice.recommendation()).isEqualTo(Recommendation.UNPRICED);
		assertThat(advice.monthlyCost()).isNull();
		assertThat(advice.monthlySaving()).isNull();
		assertThat(advice.breakEvenHours()).isNull();
		assertThat(advice.usedHours()).isEqualTo(10.0);
		assertThat(advice.reason()).contains("no price for HUAWEI spec spec-x");
		BillingAdvice noSpec = this.rule.advise(desktop(BillingMode.SUBSCRIPTION, null), 0, null, 14);
		assertThat(noSpec.recommendation()).isEqualTo(Recommendation.UNPRICED);
		assertThat(noSpec.reason()).contains("reports no spec");
	}

	@Test
	void billingModesThePricesCannotCostAreKeptWithoutCostOrSaving() {
		for (BillingMode billing : new BillingMode[] { BillingMode.MONTHLY_PACKAGE, BillingMode.DURATION_PACKAGE,
				BillingMode.OTHER, null }) {
			BillingAdvice advice = advise(billing, monthOf(10), 14);
			assertThat(advice.recommendation()).isEqualTo(Recommendation.KEEP);
			assertThat(advice.monthlyCost()).isNull();
			assertThat(advice.monthlySaving()).isNull();
			assertThat(advice.breakEvenHours()).isEqualTo(100.0);
		}
		assertThat(advise(BillingMode.MONTHLY_PACKAGE, 0, 14).recommendation()).isEqualTo(Recommendation.REMOVE_IDLE);
	}

	@Test
	void moneyOfDifferentCurrenciesIsNeverAdded() {
		Money yuan = new Money(BigDecimal.ONE, "CNY");
		Money dollar = new Money(BigDecimal.ONE, "USD");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> yuan.plus(dollar));
		assertThat(yuan.plus(yuan).amount()).isEqualByComparingTo("2.00");
		assertThat(new Money(new BigDecimal("0.005"), "CNY").amount().toPlainString()).isEqualTo("0.01");
	}

}
