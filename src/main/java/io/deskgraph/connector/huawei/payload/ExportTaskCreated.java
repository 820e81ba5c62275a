package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ExportDesktopUsageMetric ({@code GET
 * /v3/{project_id}/statistics/metrics/desktops/export}).
 *
 * @param taskId the id of the export task created
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportTaskCreated(@JsonProperty("task_id") String taskId) {

}
