package io.deskgraph.graphql;

import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.MetricSort;

import org.springframework.lang.Nullable;

/**
 * What to export with startDesktopUsageExport.
 *
 * @param accountId the account to export from
 * @param range the days to export
 * @param filter vendor-side filters
 * @param sort row order
 * @author DeskGraph
 */
public record DesktopUsageExportInput(String accountId, DateRange range, @Nullable DesktopMetricFilter filter,
		@Nullable MetricSort sort) {

}
