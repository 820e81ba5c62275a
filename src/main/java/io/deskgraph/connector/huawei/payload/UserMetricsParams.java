package io.deskgraph.connector.huawei.payload;

import java.time.LocalDate;

import org.springframework.lang.Nullable;

/**
 * The query parameters of ListUserUsageMetric, before paging.
 *
 * @param from the first day; sent as {@code start_time}, its start in the account's day
 * zone
 * @param to the last day; sent as {@code end_time}, its last second in the account's day
 * zone
 * @param username user name contains this text
 * @param usageMinHours at least this many hours of usage
 * @param usageMaxHours at most this many hours of usage
 * @param sortField {@code user_usage}
 * @param sortType {@code ASC} or {@code DESC}
 * @param enterpriseProjectId {@code enterprise_project_id}: only this enterprise project
 * @author DeskGraph
 */
public record UserMetricsParams(LocalDate from, LocalDate to, @Nullable String username,
		@Nullable Integer usageMinHours, @Nullable Integer usageMaxHours, @Nullable String sortField,
		@Nullable String sortType, @Nullable String enterpriseProjectId) {

}
