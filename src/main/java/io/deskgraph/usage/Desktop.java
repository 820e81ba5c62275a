package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * A cloud desktop, identified across vendors and accounts by a global id, with what its
 * vendor said about it where the answer carried it.
 *
 * @param id the global id ({@link GlobalId})
 * @param vendor the vendor
 * @param accountId the account
 * @param nativeId the vendor's desktop id
 * @param name the desktop name, if reported
 * @param region the vendor region the desktop lives in, if reported
 * @param state the run state, if reported
 * @param vendorState the vendor's own state value, if reported
 * @param billingMode how the desktop is billed, if reported
 * @param vendorBillingMode the vendor's own billing value, if reported
 * @param spec what the desktop was bought as, the key of its price (Huawei
 * {@code product_id}, Alibaba {@code DesktopType}), if reported
 * @author DeskGraph
 */
public record Desktop(String id, Vendor vendor, String accountId, String nativeId, @Nullable String name,
		@Nullable String region, @Nullable DesktopState state, @Nullable String vendorState,
		@Nullable BillingMode billingMode, @Nullable String vendorBillingMode, @Nullable String spec) {

	/**
	 * Creates a desktop and its global id from what a usage answer names.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param nativeId the vendor's desktop id
	 * @param name the name, if reported
	 * @return the desktop
	 */
	public static Desktop of(Vendor vendor, String accountId, String nativeId, @Nullable String name) {
		return new Desktop(new GlobalId(vendor, accountId, nativeId).toString(), vendor, accountId, nativeId, name,
				null, null, null, null, null, null);
	}

	/**
	 * This desktop in a region.
	 * @param region the vendor region
	 * @return the desktop
	 */
	public Desktop inRegion(@Nullable String region) {
		return new Desktop(this.id, this.vendor, this.accountId, this.nativeId, this.name, region, this.state,
				this.vendorState, this.billingMode, this.vendorBillingMode, this.spec);
	}

	/**
	 * This desktop in a run state.
	 * @param state the normalized state
	 * @param vendorState the vendor's value
	 * @return the desktop
	 */
	public Desktop withState(@Nullable DesktopState state, @Nullable String vendorState) {
		return new Desktop(this.id, this.vendor, this.accountId, this.nativeId, this.name, this.region, state,
				vendorState, this.billingMode, this.vendorBillingMode, this.spec);
	}

	/**
	 * This desktop with a billing mode.
	 * @param billingMode the normalized mode
	 * @param vendorBillingMode the vendor's value
	 * @return the desktop
	 */
	public Desktop billed(@Nullable BillingMode billingMode, @Nullable String vendorBillingMode) {
		return new Desktop(this.id, this.vendor, this.accountId, this.nativeId, this.name, this.region, this.state,
				this.vendorState, billingMode, vendorBillingMode, this.spec);
	}

	/**
	 * This desktop with its spec.
	 * @param spec what it was bought as (Huawei product id, Alibaba desktop type)
	 * @return the desktop
	 */
	public Desktop withSpec(@Nullable String spec) {
		return new Desktop(this.id, this.vendor, this.accountId, this.nativeId, this.name, this.region, this.state,
				this.vendorState, this.billingMode, this.vendorBillingMode, spec);
	}

}
