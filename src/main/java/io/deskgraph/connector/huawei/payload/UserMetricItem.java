package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One user in a ListUserUsageMetric answer.
 *
 * @param username the user
 * @param enterpriseProjectId the enterprise project (newer API versions only)
 * @param metric the metrics ({@code user_usage} in seconds, login counts)
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserMetricItem(@JsonProperty("username") String username,
		@JsonProperty("enterprise_project_id") @Nullable String enterpriseProjectId,
		@JsonProperty("metric") List<Metric> metric) {

	public UserMetricItem {
		metric = (metric != null) ? metric : List.of();
	}

}
