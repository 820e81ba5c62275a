package io.deskgraph.simulator.huawei;

import org.springframework.lang.Nullable;

/**
 * What the simulated estate says of a desktop beyond its states: where it runs, the
 * product (package and flavor) it was bought as and how it is billed, as the desktop
 * detail listing reports them.
 *
 * @param availabilityZone the availability zone, for example {@code cn-north-4a}
 * @param productId the product (package) id
 * @param flavorId the flavor id of the product
 * @param cpus the vCPUs of the flavor
 * @param memoryGb the memory of the flavor in GB
 * @param chargeMode the vendor's {@code charge_mode}: {@code 0} yearly/monthly
 * (subscription), {@code 1} on demand
 * @param orderId the order of a subscription desktop; on-demand desktops have none
 * @param enterpriseProjectId the enterprise project; {@code 0} is the default project
 * @author DeskGraph
 */
public record HuaweiDesktopProduct(String availabilityZone, String productId, String flavorId, int cpus, int memoryGb,
		String chargeMode, @Nullable String orderId, String enterpriseProjectId) {

	/** {@code charge_mode} of a yearly/monthly (subscription) desktop. */
	public static final String SUBSCRIPTION = "0";

	/** {@code charge_mode} of an on-demand (pay-per-use) desktop. */
	public static final String ON_DEMAND = "1";

	/** The id of the default enterprise project. */
	public static final String DEFAULT_ENTERPRISE_PROJECT = "0";

}
