package io.deskgraph.connector.huawei.payload;

import java.time.LocalDate;

import org.springframework.lang.Nullable;

/**
 * The query parameters ListDesktopUsageMetric and ExportDesktopUsageMetric share, before
 * paging.
 *
 * @param from the first day; sent as {@code start_time}, its start in the account's day
 * zone
 * @param to the last day; sent as {@code end_time}, its last second in the account's day
 * zone
 * @param resourceName desktop name contains this text
 * @param minIdleDays at least this many idle days
 * @param maxIdleDays at most this many idle days
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @param sortField {@code desktop_usage} or {@code desktop_idle_duration}
 * @param sortType {@code ASC} or {@code DESC}
 * @param enterpriseProjectId {@code enterprise_project_id}: only this enterprise project
 * @author DeskGraph
 */
public record DesktopMetricsParams(LocalDate from, LocalDate to, @Nullable String resourceName,
		@Nullable Integer minIdleDays, @Nullable Integer maxIdleDays, @Nullable Integer usageMinHours,
		@Nullable Integer usageMaxHours, @Nullable String sortField, @Nullable String sortType,
		@Nullable String enterpriseProjectId) {

}
