package io.deskgraph.connector.huawei.payload;

import java.time.LocalDate;

import org.springframework.lang.Nullable;

/**
 * The query parameters of ListUserUsageMetric, before paging.
 *
 * @param from the first day; sent as {@code start_time} at 00:00:00Z
 * @param to the last day; sent as {@code end_time} at 23:59:59Z
 * @param username user name contains this text
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @param sortField {@code user_usage}
 * @param sortType {@code ASC} or {@code DESC}
 * @author DeskGraph
 */
public record UserMetricsParams(LocalDate from, LocalDate to, @Nullable String username,
		@Nullable Integer usageMinHours, @Nullable Integer usageMaxHours, @Nullable String sortField,
		@Nullable String sortType) {

}
