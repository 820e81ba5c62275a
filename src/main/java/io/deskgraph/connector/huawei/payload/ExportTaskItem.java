package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One task in a ListExportTasks answer.
 *
 * @param taskId the task id
 * @param fileName the export file name
 * @param status {@code CREATING}, {@code SUCCESS}, {@code FAIL} or {@code EXPIRED}
 * @param failReason why the task failed
 * @param errorCode the error code of a failed task
 * @param createTime when the task was created, {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}
 * @param endTime when the task finished
 * @param isDownload whether the file was downloaded
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportTaskItem(@JsonProperty("task_id") String taskId,
		@JsonProperty("file_name") @Nullable String fileName, @JsonProperty("status") @Nullable String status,
		@JsonProperty("fail_reason") @Nullable String failReason,
		@JsonProperty("error_code") @Nullable String errorCode,
		@JsonProperty("create_time") @Nullable String createTime, @JsonProperty("end_time") @Nullable String endTime,
		@JsonProperty("is_download") @Nullable Boolean isDownload) {

}
