package io.deskgraph.simulator.alibaba;

import java.time.Instant;
import java.util.List;

/**
 * One cloud desktop of the simulated Alibaba estate, as {@code DescribeDesktops} reports
 * it.
 *
 * @param desktopId the desktop id, {@code ecd-} followed by 17 lower-case letters and
 * digits
 * @param desktopName the display name
 * @param regionId the region the desktop runs in
 * @param officeSiteId the office site the desktop belongs to
 * @param officeSiteName the name of that office site
 * @param desktopStatus one of {@link AlibabaEstate#DESKTOP_STATUSES}
 * @param connectionStatus one of {@link AlibabaEstate#CONNECTION_STATUSES}
 * @param chargeType the billing method as the product API spells it, {@code PrePaid} or
 * {@code PostPaid}
 * @param rankingChargeType the billing method as {@code QueryHistoryUsageDurationRank}
 * reports it for this desktop, in one of the inconsistent spellings of the real API
 * ({@code PrePaid}, {@code PRE_PAID}, {@code PostPaid}, {@code POST_PAID},
 * {@code MONTH_PACKAGE} or {@code DURATION})
 * @param endUserIds the end users assigned to the desktop, possibly none
 * @param osType {@code Windows} or {@code Linux}
 * @param desktopType the instance type, e.g. {@code eds.enterprise_office.4c8g}
 * @param cpu the number of vCPUs
 * @param memory the memory in MiB
 * @param creationTime when the desktop was created (whole minutes)
 * @param expiredTime when a subscription ends or ended; far in the future for
 * pay-as-you-go desktops
 * @author DeskGraph
 */
public record AlibabaDesktop(String desktopId, String desktopName, String regionId, String officeSiteId,
		String officeSiteName, String desktopStatus, String connectionStatus, String chargeType,
		String rankingChargeType, List<String> endUserIds, String osType, String desktopType, int cpu, long memory,
		Instant creationTime, Instant expiredTime) {

	/**
	 * Copies the end-user list.
	 * @param desktopId the desktop id
	 * @param desktopName the display name
	 * @param regionId the region
	 * @param officeSiteId the office site id
	 * @param officeSiteName the office site name
	 * @param desktopStatus the desktop status
	 * @param connectionStatus the connection status
	 * @param chargeType the product API charge type
	 * @param rankingChargeType the usage ranking charge type
	 * @param endUserIds the end users
	 * @param osType the OS type
	 * @param desktopType the instance type
	 * @param cpu the vCPUs
	 * @param memory the memory in MiB
	 * @param creationTime the creation time
	 * @param expiredTime the expiry time
	 */
	public AlibabaDesktop {
		endUserIds = List.copyOf(endUserIds);
	}

}
