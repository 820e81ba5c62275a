package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Vendor-side filters for user metrics.
 *
 * @param userName user name contains this text
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @param enterpriseProjectId only users of this Huawei enterprise project; when
 * {@code null}, the account's default project if it has one
 * @author DeskGraph
 */
public record UserMetricFilter(@Nullable String userName, @Nullable Integer usageMinHours,
		@Nullable Integer usageMaxHours, @Nullable String enterpriseProjectId) {

	/** No filter. */
	public static final UserMetricFilter NONE = new UserMetricFilter(null, null, null, null);

	/**
	 * Filters without an enterprise project.
	 * @param userName user name contains this text
	 * @param usageMinHours at least this many hours of usage
	 * @param usageMaxHours at most this many hours of usage
	 */
	public UserMetricFilter(@Nullable String userName, @Nullable Integer usageMinHours,
			@Nullable Integer usageMaxHours) {
		this(userName, usageMinHours, usageMaxHours, null);
	}

}
