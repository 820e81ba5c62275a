package io.deskgraph.simulator.alibaba;

/**
 * One row of the usage-duration ranking: the usage of one desktop by one end user over a
 * window of days.
 *
 * @param endUserId the end user
 * @param desktopId the desktop
 * @param desktopName the desktop's name
 * @param chargeType the charge type in the spelling the ranking API uses for the desktop
 * @param usageDuration the usage in the window, in seconds (always positive)
 * @param regionId the desktop's region
 * @author DeskGraph
 */
public record AlibabaUsageRow(String endUserId, String desktopId, String desktopName, String chargeType,
		long usageDuration, String regionId) {

}
