package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One named value in a usage metric item, for example {@code desktop_usage} in seconds.
 *
 * @param metricName the metric name
 * @param metricValue the value
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metric(@JsonProperty("metric_name") @Nullable String metricName,
		@JsonProperty("metric_value") @Nullable Double metricValue) {

}
