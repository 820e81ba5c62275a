package io.deskgraph.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.Vendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The prices cost advice judges desktops by: {@code deskgraph.pricing}, its account ids
 * checked against the configured accounts at start-up, or, in demo mode with no prices
 * configured, the example catalogue of the simulators' specs ({@value #DEMO_CATALOGUE}),
 * which is never read when real accounts are configured.
 *
 * @author DeskGraph
 */
@Component
public class PriceCatalogue {

	/** The example prices of demo mode, on the class path. */
	static final String DEMO_CATALOGUE = "io/deskgraph/cost/demo-pricing.yml";

	private static final Logger logger = LoggerFactory.getLogger(PriceCatalogue.class);

	private final PricingProperties properties;

	private final Map<Key, Price> prices = new HashMap<>();

	@Autowired
	PriceCatalogue(PricingProperties properties, AccountRegistry accounts) {
		this(demoOrConfigured(properties, accounts.isDemoMode()), accounts.accounts());
	}

	/**
	 * Creates a catalogue of configured prices.
	 * @param properties the prices
	 * @param accounts the configured accounts, which account-specific prices must name
	 * @throws IllegalArgumentException if a price names an unknown account or one of
	 * another vendor
	 */
	PriceCatalogue(PricingProperties properties, List<Account> accounts) {
		this.properties = properties;
		Map<String, Vendor> vendors = new HashMap<>();
		accounts.forEach((account) -> vendors.put(account.id(), account.vendor()));
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < properties.prices().size(); i++) {
			PricingProperties.Entry entry = properties.prices().get(i);
			String accountId = entry.accountId();
			if (accountId != null && !vendors.containsKey(accountId)) {
				problems.add("deskgraph.pricing.prices[" + i + "].account-id '" + accountId
						+ "' is not a configured account (deskgraph.accounts); configured: " + vendors.keySet());
			}
			else if (accountId != null && vendors.get(accountId) != entry.vendor()) {
				problems.add("deskgraph.pricing.prices[" + i + "].account-id '" + accountId + "' is a "
						+ vendors.get(accountId) + " account, but the price is for " + entry.vendor());
			}
			this.prices.put(new Key(entry.vendor(), entry.spec(), accountId),
					new Price(Objects.requireNonNull(entry.monthly()), Objects.requireNonNull(entry.hourly()),
							entry.idleMonthly(), Objects.requireNonNull(entry.currency()), accountId != null));
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid price catalogue: " + String.join("; ", problems));
		}
		logger.info("Price catalogue: {} price(s){}", this.prices.size(),
				properties.example() ? ", example prices" : "");
	}

	private static PricingProperties demoOrConfigured(PricingProperties configured, boolean demoMode) {
		if (!demoMode || !configured.prices().isEmpty()) {
			return configured;
		}
		PricingProperties demo = load(new ClassPathResource(DEMO_CATALOGUE));
		return new PricingProperties(true, configured.minRangeDays(), demo.prices());
	}

	/**
	 * Reads a catalogue written like {@code deskgraph.pricing} in a YAML file.
	 * @param resource the file
	 * @return the catalogue, checked
	 */
	static PricingProperties load(Resource resource) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource.getDescription(), resource);
			return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("deskgraph.pricing",
					Bindable.of(PricingProperties.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the price catalogue " + resource.getDescription(), ex);
		}
	}

	/**
	 * The price of a desktop: its account's own price for its spec, else its vendor's.
	 * @param desktop the desktop
	 * @return the price, or {@code null} when the desktop has no spec or the spec no
	 * price
	 */
	@Nullable
	public Price priceOf(Desktop desktop) {
		if (desktop.spec() == null) {
			return null;
		}
		Price own = this.prices.get(new Key(desktop.vendor(), desktop.spec(), desktop.accountId()));
		return (own != null) ? own : this.prices.get(new Key(desktop.vendor(), desktop.spec(), null));
	}

	/**
	 * Whether the prices are example prices, to be labelled as such.
	 * @return true for the demo catalogue or {@code deskgraph.pricing.example}
	 */
	public boolean example() {
		return this.properties.example();
	}

	/**
	 * The shortest range judged.
	 * @return {@code deskgraph.pricing.min-range-days}
	 */
	public int minRangeDays() {
		return this.properties.minRangeDays();
	}

	/**
	 * The billing rule with this catalogue's minimum range.
	 * @return the rule
	 */
	public BillingRule rule() {
		return new BillingRule(this.properties.minRangeDays());
	}

	private record Key(@Nullable Vendor vendor, @Nullable String spec, @Nullable String accountId) {
	}

}
