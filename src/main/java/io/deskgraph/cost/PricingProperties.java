package io.deskgraph.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.deskgraph.usage.Vendor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * The price catalogue cost advice reads ({@code deskgraph.pricing}): list prices per
 * vendor and desktop spec, optionally per account, checked when the application starts.
 * No price is ever invented: a desktop whose spec has no entry is reported UNPRICED.
 *
 * @param example whether the prices are example prices (demo mode), which every answer
 * says
 * @param minRangeDays ranges shorter than this many days (cut at the account's today) are
 * reported too short to judge: every priced desktop is KEEP with no saving
 * @param prices the prices; an account's own entry wins over the vendor-wide one of the
 * same spec
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.pricing")
public record PricingProperties(@DefaultValue("false") boolean example, @DefaultValue("7") int minRangeDays,
		@DefaultValue List<Entry> prices) {

	/**
	 * Checks the catalogue: positive amounts, ISO 4217 currencies and no spec priced
	 * twice for the same vendor and account.
	 * @param example whether the prices are example prices
	 * @param minRangeDays shortest range judged
	 * @param prices the prices
	 */
	public PricingProperties {
		if (minRangeDays < 1) {
			throw new IllegalArgumentException(
					"deskgraph.pricing.min-range-days must be at least 1; got " + minRangeDays);
		}
		prices = List.copyOf(Objects.requireNonNullElse(prices, List.of()));
		Set<String> keys = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < prices.size(); i++) {
			Entry entry = prices.get(i);
			String at = "deskgraph.pricing.prices[" + i + "]";
			if (entry == null) {
				problems.add(at + " is empty");
				continue;
			}
			problems.addAll(entry.problems(at));
			if (entry.vendor() != null && entry.spec() != null
					&& !keys.add(entry.vendor() + "|" + entry.spec() + "|" + entry.accountId())) {
				problems.add(at + " prices " + entry.vendor() + " spec '" + entry.spec() + "'"
						+ ((entry.accountId() != null) ? " for account " + entry.accountId() : " vendor-wide")
						+ " a second time; each (vendor, spec, account-id) has one price");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid price catalogue: " + String.join("; ", problems));
		}
	}

	/**
	 * One price: what a desktop of a spec costs per month on subscription and per hour on
	 * pay-as-you-go, and per month while unused on pay-as-you-go.
	 *
	 * @param vendor the vendor
	 * @param spec the desktop spec as the vendor names it (Huawei product id, Alibaba
	 * desktop type)
	 * @param accountId the account this price is for; absent for every account of the
	 * vendor
	 * @param monthly the subscription price of a month, positive
	 * @param hourly the pay-as-you-go price of an hour in use, positive
	 * @param idleMonthly what a pay-as-you-go desktop costs per month while unused
	 * (disks, for example), zero or more; 0 when absent
	 * @param currency the ISO 4217 code of all three amounts, for example CNY
	 */
	public record Entry(@Nullable Vendor vendor, @Nullable String spec, @Nullable String accountId,
			@Nullable BigDecimal monthly, @Nullable BigDecimal hourly, @DefaultValue("0") BigDecimal idleMonthly,
			@Nullable String currency) {

		private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

		List<String> problems(String at) {
			List<String> problems = new ArrayList<>();
			if (this.vendor == null) {
				problems.add(at + ".vendor is required (HUAWEI or ALIBABA)");
			}
			if (this.spec == null || this.spec.isBlank()) {
				problems.add(at + ".spec is required (Huawei product id, Alibaba desktop type)");
			}
			if (this.accountId != null && this.accountId.isBlank()) {
				problems.add(at + ".account-id is blank; leave it out for a vendor-wide price");
			}
			if (this.monthly == null || this.monthly.signum() <= 0) {
				problems.add(at + ".monthly must be a positive amount; got " + this.monthly);
			}
			if (this.hourly == null || this.hourly.signum() <= 0) {
				problems.add(at + ".hourly must be a positive amount; got " + this.hourly);
			}
			if (this.idleMonthly == null || this.idleMonthly.signum() < 0) {
				problems.add(at + ".idle-monthly must be zero or a positive amount; got " + this.idleMonthly);
			}
			if (this.currency == null || !CURRENCY.matcher(this.currency).matches() || !isIso4217(this.currency)) {
				problems.add(
						at + ".currency must be an ISO 4217 code of three capital letters, for example CNY or USD; got "
								+ this.currency);
			}
			return problems;
		}

		private static boolean isIso4217(String code) {
			try {
				return Currency.getInstance(code.toUpperCase(Locale.ROOT)) != null;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
