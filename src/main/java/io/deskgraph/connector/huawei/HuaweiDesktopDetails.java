package io.deskgraph.connector.huawei;

import java.util.Locale;

import io.deskgraph.connector.huawei.payload.DesktopDetail;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * Maps the desktops of a Huawei desktop detail listing (ListDesktopsDetail) to neutral
 * {@link Desktop}s with name, region, state, billing mode and spec (the product id).
 *
 * @author DeskGraph
 */
final class HuaweiDesktopDetails {

	private HuaweiDesktopDetails() {
	}

	/**
	 * A desktop as the listing describes it; its region is the account's, as a project
	 * lives in one region.
	 * @param account the account asked
	 * @param detail the vendor's entry
	 * @return the desktop
	 */
	static Desktop desktop(Account account, DesktopDetail detail) {
		String chargeMode = (detail.product() != null) ? detail.product().chargeMode() : null;
		String productId = (detail.product() != null) ? detail.product().productId() : null;
		return Desktop.of(Vendor.HUAWEI, account.id(), detail.desktopId(), detail.computerName())
			.inRegion(account.region())
			.withState(state(detail.status()), detail.status())
			.billed(billingMode(chargeMode), chargeMode)
			.withSpec(productId);
	}

	/**
	 * The normalized run state of a Huawei {@code status}: on its way to running counts
	 * as running, as RunCounts counts it; a state DeskGraph does not know is an error.
	 * @param status the vendor's value
	 * @return the state, {@code null} when the vendor said none
	 */
	@Nullable
	static DesktopState state(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return switch (status.trim().toUpperCase(Locale.ROOT)) {
			case "ACTIVE", "BUILD", "REBOOT", "HARD_REBOOT", "REBUILD", "MIGRATING", "RESIZE", "VERIFY_RESIZE",
					"REVERT_RESIZE" ->
				DesktopState.ACTIVE;
			case "SHUTOFF", "STOPPED", "SHELVED", "SHELVED_OFFLOADED" -> DesktopState.STOPPED;
			case "HIBERNATED" -> DesktopState.HIBERNATED;
			default -> DesktopState.ERROR;
		};
	}

	/**
	 * The billing mode of a Huawei {@code product.charge_mode}: {@code 0} is
	 * yearly/monthly and {@code 1} on demand, as the SDK's ProductInfo javadoc and the
	 * ListDesktopsDetail definition say it (one older field description, of
	 * {@code metadata.charging_mode}, says the opposite; DeskGraph follows the product
	 * field it reads).
	 * @param chargeMode the vendor's value
	 * @return the mode, {@code null} when the vendor said none
	 */
	@Nullable
	static BillingMode billingMode(@Nullable String chargeMode) {
		if (chargeMode == null || chargeMode.isBlank()) {
			return null;
		}
		return switch (chargeMode.trim()) {
			case "0" -> BillingMode.SUBSCRIPTION;
			case "1" -> BillingMode.PAY_AS_YOU_GO;
			default -> BillingMode.OTHER;
		};
	}

}
