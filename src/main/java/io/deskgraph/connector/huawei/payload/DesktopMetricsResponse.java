package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListDesktopUsageMetric ({@code GET
 * /v2/{project_id}/statistics/metrics/desktops}).
 *
 * @param count number of desktops matching
 * @param items the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopMetricsResponse(@JsonProperty("count") long count,
		@JsonProperty("items") List<DesktopMetricItem> items) {

	public DesktopMetricsResponse {
		items = (items != null) ? items : List.of();
	}

}
