package io.deskgraph.graphql;

import java.util.EnumSet;
import java.util.Set;

import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.EnterpriseProjects;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.MetricSortField;
import io.deskgraph.usage.SortDirection;
import io.deskgraph.usage.UserMetricFilter;

import org.springframework.lang.Nullable;

/**
 * Checks metric filters and sort orders against the ranges the vendor accepts, naming the
 * argument and the limit when they are off.
 *
 * @author DeskGraph
 */
final class MetricArguments {

	/** Largest idle-day filter the vendor accepts. */
	static final int MAX_IDLE_DAYS = 180;

	private static final Set<MetricSortField> DESKTOP_FIELDS = EnumSet.of(MetricSortField.DESKTOP_USAGE,
			MetricSortField.DESKTOP_IDLE_DURATION);

	private MetricArguments() {
	}

	static DesktopMetricFilter check(@Nullable DesktopMetricFilter filter) {
		if (filter == null) {
			return DesktopMetricFilter.NONE;
		}
		range("filter.minIdleDays", "filter.maxIdleDays", filter.minIdleDays(), filter.maxIdleDays(), MAX_IDLE_DAYS);
		range("filter.usageMinHours", "filter.usageMaxHours", filter.usageMinHours(), filter.usageMaxHours(),
				Integer.MAX_VALUE - 1);
		EnterpriseProjects.check(filter.enterpriseProjectId(), "filter.enterpriseProjectId");
		return filter;
	}

	static UserMetricFilter check(@Nullable UserMetricFilter filter) {
		if (filter == null) {
			return UserMetricFilter.NONE;
		}
		range("filter.usageMinHours", "filter.usageMaxHours", filter.usageMinHours(), filter.usageMaxHours(),
				Integer.MAX_VALUE - 1);
		EnterpriseProjects.check(filter.enterpriseProjectId(), "filter.enterpriseProjectId");
		return filter;
	}

	static MetricSort check(@Nullable MetricSort sort, MetricSortField defaultField) {
		if (sort == null) {
			return new MetricSort(defaultField, SortDirection.DESC);
		}
		boolean desktopField = DESKTOP_FIELDS.contains(sort.field());
		if (desktopField != DESKTOP_FIELDS.contains(defaultField)) {
			throw new InvalidArgumentException("sort.field", sort.field() + " does not apply here; use "
					+ (DESKTOP_FIELDS.contains(defaultField) ? DESKTOP_FIELDS : Set.of(MetricSortField.USER_USAGE)));
		}
		return new MetricSort(sort.field(), sort.effectiveDirection());
	}

	private static void range(String minName, String maxName, @Nullable Integer min, @Nullable Integer max, int limit) {
		bounds(minName, min, limit);
		bounds(maxName, max, limit);
		if (min != null && max != null && max < min) {
			throw new InvalidArgumentException(maxName,
					"must not be less than " + minName + " (" + max + " < " + min + ")");
		}
	}

	private static void bounds(String name, @Nullable Integer value, int limit) {
		if (value != null && (value < 0 || value > limit)) {
			throw new InvalidArgumentException(name, "must be between 0 and " + limit + "; got " + value);
		}
	}

}
