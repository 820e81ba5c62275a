package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Vendor-side filters for user metrics.
 *
 * @param userName user name contains this text
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @author DeskGraph
 */
public record UserMetricFilter(@Nullable String userName, @Nullable Integer usageMinHours,
		@Nullable Integer usageMaxHours) {

	/** No filter. */
	public static final UserMetricFilter NONE = new UserMetricFilter(null, null, null);

}
