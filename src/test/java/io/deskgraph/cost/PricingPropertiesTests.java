package io.deskgraph.cost;

import java.math.BigDecimal;
import java.util.List;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PricingProperties} and {@link PriceCatalogue}: what start-up refuses,
 * which price a desktop gets, and the demo catalogue.
 *
 * @author DeskGraph
 */
class PricingPropertiesTests {

	private static final List<Account> ACCOUNTS = List.of(new Account("hw", Vendor.HUAWEI, "cn-north-4", null),
			new Account("ali", Vendor.ALIBABA, "cn-shanghai", null));

	private static PricingProperties.Entry entry(Vendor vendor, String spec, String accountId, String monthly,
			String hourly, String idle, String currency) {
		return new PricingProperties.Entry(vendor, spec, accountId, (monthly != null) ? new BigDecimal(monthly) : null,
				(hourly != null) ? new BigDecimal(hourly) : null, new BigDecimal(idle), currency);
	}

	private static PricingProperties catalogue(PricingProperties.Entry... entries) {
		return new PricingProperties(false, 7, List.of(entries));
	}

	@Test
	void amountsMustBePositiveAndCurrenciesIso4217() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "0", "1", "0", "CNY")))
			.withMessageContaining("deskgraph.pricing.prices[0].monthly must be a positive amount; got 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "10", "-1", "0", "CNY")))
			.withMessageContaining("prices[0].hourly must be a positive amount");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "-0.01", "CNY")))
			.withMessageContaining("prices[0].idle-monthly must be zero or a positive amount");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "0", "yuan")))
			.withMessageContaining("prices[0].currency must be an ISO 4217 code");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "0", "XYZ")))
			.withMessageContaining("got XYZ");
		assertThatIllegalArgumentException().isThrownBy(() -> catalogue(entry(null, " ", null, null, "1", "0", "CNY")))
			.withMessageContaining("prices[0].vendor is required")
			.withMessageContaining("prices[0].spec is required")
			.withMessageContaining("prices[0].monthly must be a positive amount; got null");
		assertThatIllegalArgumentException().isThrownBy(() -> new PricingProperties(false, 0, List.of()))
			.withMessageContaining("min-range-days must be at least 1");
	}

	@Test
	void aSpecIsPricedOncePerVendorAndAccount() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "0", "CNY"),
					entry(Vendor.HUAWEI, "s", null, "12", "1", "0", "USD")))
			.withMessageContaining("prices[1] prices HUAWEI spec 's' vendor-wide a second time");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue(entry(Vendor.HUAWEI, "s", "hw", "10", "1", "0", "CNY"),
					entry(Vendor.HUAWEI, "s", "hw", "12", "1", "0", "CNY")))
			.withMessageContaining("for account hw a second time");
		// The same spec for another vendor, or vendor-wide and for one account, is fine.
		catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "0", "CNY"),
				entry(Vendor.ALIBABA, "s", null, "10", "1", "0", "CNY"),
				entry(Vendor.HUAWEI, "s", "hw", "10", "1", "0", "CNY"));
	}

	@Test
	void accountIdsMustNameAConfiguredAccountOfTheSameVendor() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new PriceCatalogue(catalogue(entry(Vendor.HUAWEI, "s", "nope", "10", "1", "0", "CNY")), ACCOUNTS))
			.withMessageContaining("prices[0].account-id 'nope' is not a configured account");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new PriceCatalogue(catalogue(entry(Vendor.HUAWEI, "s", "ali", "10", "1", "0", "CNY")), ACCOUNTS))
			.withMessageContaining("'ali' is a ALIBABA account, but the price is for HUAWEI");
	}

	@Test
	void anAccountsOwnPriceWinsOverTheVendorWideOne() {
		PriceCatalogue prices = new PriceCatalogue(catalogue(entry(Vendor.HUAWEI, "s", null, "10", "1", "0", "CNY"),
				entry(Vendor.HUAWEI, "s", "hw", "8", "1", "0", "USD")), ACCOUNTS);
		assertThat(prices.priceOf(desktop(Vendor.HUAWEI, "hw", "s")).currency()).isEqualTo("USD");
		assertThat(prices.priceOf(desktop(Vendor.HUAWEI, "hw2", "s")).currency()).isEqualTo("CNY");
		assertThat(prices.priceOf(desktop(Vendor.ALIBABA, "ali", "s"))).isNull();
		assertThat(prices.priceOf(desktop(Vendor.HUAWEI, "hw", "other"))).isNull();
		assertThat(prices.priceOf(desktop(Vendor.HUAWEI, "hw", null))).isNull();
	}

	@Test
	void theDemoCatalogueIsExamplePricesOfEverySimulatedSpecInTwoCurrencies() {
		PricingProperties demo = PriceCatalogue.load(new ClassPathResource(PriceCatalogue.DEMO_CATALOGUE));
		assertThat(demo.example()).isTrue();
		assertThat(demo.prices()).extracting(PricingProperties.Entry::spec)
			.containsExactlyInAnyOrder("workspace.x86.general.large2", "workspace.x86.general.xlarge2",
					"workspace.x86.general.2xlarge2", "eds.enterprise_office.2c4g", "eds.enterprise_office.4c8g",
					"eds.enterprise_office.8c16g", "eds.graphics.8c32g");
		assertThat(demo.prices()).filteredOn((entry) -> entry.vendor() == Vendor.HUAWEI)
			.extracting(PricingProperties.Entry::currency)
			.containsOnly("CNY");
		assertThat(demo.prices()).filteredOn((entry) -> entry.vendor() == Vendor.ALIBABA)
			.extracting(PricingProperties.Entry::currency)
			.containsOnly("USD");
		assertThat(demo.prices()).allSatisfy((entry) -> assertThat(entry.accountId()).isNull());
	}

	private static Desktop desktop(Vendor vendor, String accountId, String spec) {
		return Desktop.of(vendor, accountId, "d1", null).withSpec(spec);
	}

}
