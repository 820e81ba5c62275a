package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListUserUsageMetric ({@code GET
 * /v2/{project_id}/statistics/metrics/users}).
 *
 * @param count number of users matching
 * @param items the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserMetricsResponse(@JsonProperty("count") long count,
		@JsonProperty("items") List<UserMetricItem> items) {

	public UserMetricsResponse {
		items = (items != null) ? items : List.of();
	}

}
