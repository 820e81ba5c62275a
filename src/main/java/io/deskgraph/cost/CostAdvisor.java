package io.deskgraph.cost;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.UsageTotal;

import org.springframework.stereotype.Component;

/**
 * Advises on every desktop of one account from its inventory and its desktop usage
 * ranking over a range, by the billing rule and the price catalogue, in the order
 * {@code billingAdvice} lists them.
 *
 * @author DeskGraph
 */
@Component
public class CostAdvisor {

	/**
	 * The order of advice: the largest monthly saving first (amounts compared as numbers,
	 * whatever their currency, as no exchange rate is applied), equal savings by currency
	 * code and then by desktop id; advice without a saving (UNPRICED, and billing modes
	 * the prices cannot cost) last, by desktop id. The order is total, so merged pages
	 * resume exactly.
	 */
	public static final Comparator<BillingAdvice> ORDER = Comparator
		.comparing((BillingAdvice advice) -> advice.monthlySaving() == null)
		.thenComparing((advice) -> (advice.monthlySaving() != null) ? advice.monthlySaving().amount().negate()
				: BigDecimal.ZERO)
		.thenComparing((advice) -> (advice.monthlySaving() != null) ? advice.monthlySaving().currency() : "")
		.thenComparing((advice) -> advice.desktop().id());

	private final PriceCatalogue catalogue;

	CostAdvisor(PriceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The catalogue advice is priced by.
	 * @return the catalogue
	 */
	public PriceCatalogue catalogue() {
		return this.catalogue;
	}

	/**
	 * Advises on an account's desktops.
	 * @param inventory every desktop of the account
	 * @param desktopRanking the account's usage per desktop in the range (desktops
	 * without a row had no usage; rows of desktops not in the inventory are ignored)
	 * @param days the range's days up to the account's today
	 * @return one advice per desktop of the inventory, in {@link #ORDER}
	 */
	public List<BillingAdvice> advise(List<Desktop> inventory, List<UsageTotal> desktopRanking, long days) {
		Map<String, Long> used = new HashMap<>();
		for (UsageTotal total : desktopRanking) {
			if (total.desktop() != null) {
				used.merge(total.desktop().nativeId(), total.duration().seconds(), Long::sum);
			}
		}
		BillingRule rule = this.catalogue.rule();
		return inventory.stream()
			.map((desktop) -> rule.advise(desktop, used.getOrDefault(desktop.nativeId(), 0L),
					this.catalogue.priceOf(desktop), days))
			.sorted(ORDER)
			.toList();
	}

}
