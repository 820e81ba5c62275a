package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListExportTasks ({@code GET /v2/{project_id}/export-tasks}).
 *
 * @param exportTasks the tasks
 * @param count number of tasks matching
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportTasksResponse(@JsonProperty("export_tasks") List<ExportTaskItem> exportTasks,
		@JsonProperty("count") long count) {

	public ExportTasksResponse {
		exportTasks = (exportTasks != null) ? exportTasks : List.of();
	}

}
