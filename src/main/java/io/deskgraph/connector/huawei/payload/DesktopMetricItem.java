package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One desktop in a ListDesktopUsageMetric answer.
 *
 * @param resourceId the desktop id
 * @param resourceName the desktop name
 * @param resourcePoolId the pool, for pooled desktops
 * @param resourcePoolName the pool name
 * @param latestConnectUsername the user who connected last
 * @param enterpriseProjectId the enterprise project (newer API versions only)
 * @param metric the metrics ({@code desktop_usage}, {@code desktop_idle_duration}, in
 * seconds)
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopMetricItem(@JsonProperty("resource_id") String resourceId,
		@JsonProperty("resource_name") @Nullable String resourceName,
		@JsonProperty("resource_pool_id") @Nullable String resourcePoolId,
		@JsonProperty("resource_pool_name") @Nullable String resourcePoolName,
		@JsonProperty("latest_connect_username") @Nullable String latestConnectUsername,
		@JsonProperty("enterprise_project_id") @Nullable String enterpriseProjectId,
		@JsonProperty("metric") List<Metric> metric) {

	public DesktopMetricItem {
		metric = (metric != null) ? metric : List.of();
	}

}
