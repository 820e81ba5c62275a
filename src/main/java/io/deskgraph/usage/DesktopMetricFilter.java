package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Vendor-side filters for desktop metrics.
 *
 * @param desktopName desktop name contains this text
 * @param minIdleDays at least this many idle days
 * @param maxIdleDays at most this many idle days
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @param enterpriseProjectId only desktops of this Huawei enterprise project; when
 * {@code null}, the account's default project if it has one
 * @author DeskGraph
 */
public record DesktopMetricFilter(@Nullable String desktopName, @Nullable Integer minIdleDays,
		@Nullable Integer maxIdleDays, @Nullable Integer usageMinHours, @Nullable Integer usageMaxHours,
		@Nullable String enterpriseProjectId) {

	/** No filter. */
	public static final DesktopMetricFilter NONE = new DesktopMetricFilter(null, null, null, null, null, null);

	/**
	 * Filters without an enterprise project.
	 * @param desktopName desktop name contains this text
	 * @param minIdleDays at least this many idle days
	 * @param maxIdleDays at most this many idle days
	 * @param usageMinHours at least this many hours of usage
	 * @param usageMaxHours at most this many hours of usage
	 */
	public DesktopMetricFilter(@Nullable String desktopName, @Nullable Integer minIdleDays,
			@Nullable Integer maxIdleDays, @Nullable Integer usageMinHours, @Nullable Integer usageMaxHours) {
		this(desktopName, minIdleDays, maxIdleDays, usageMinHours, usageMaxHours, null);
	}

}
