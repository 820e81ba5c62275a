package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Usage and idle time of one desktop in a window.
 *
 * @param desktop the desktop
 * @param poolId the pool, if any
 * @param poolName the pool name, if any
 * @param lastUserName the latest user, if reported
 * @param usage usage in the window
 * @param idle idle time in the window
 * @param enterpriseProjectId the Huawei enterprise project of the desktop, if reported
 * @author DeskGraph
 */
public record DesktopMetric(Desktop desktop, @Nullable String poolId, @Nullable String poolName,
		@Nullable String lastUserName, UsageDuration usage, UsageDuration idle, @Nullable String enterpriseProjectId) {

	/**
	 * A metric without an enterprise project.
	 * @param desktop the desktop
	 * @param poolId the pool, if any
	 * @param poolName the pool name, if any
	 * @param lastUserName the latest user, if reported
	 * @param usage usage in the window
	 * @param idle idle time in the window
	 */
	public DesktopMetric(Desktop desktop, @Nullable String poolId, @Nullable String poolName,
			@Nullable String lastUserName, UsageDuration usage, UsageDuration idle) {
		this(desktop, poolId, poolName, lastUserName, usage, idle, null);
	}

}
