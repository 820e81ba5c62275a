package io.deskgraph.simulator.huawei;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskgraph.simulator.SimulatorResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Answers ExportDesktopUsageMetric ({@code GET
 * /v3/{project_id}/statistics/metrics/desktops/export}), ListExportTasks ({@code GET
 * /v2/{project_id}/export-tasks}) and DownloadExportFile ({@code GET
 * /v2/{project_id}/export-tasks/{task_id}/download}).
 * <p>
 * An export snapshots the matching desktop metric rows when it is created. Its task is
 * {@code CREATING} until the configured ready delay has passed, then {@code SUCCESS} with
 * a file name like {@code DesktopUsageMetric_20260101093000_1a2b3c4d.csv}, and
 * {@code EXPIRED} after the retention period. The vendor's file format is unconfirmed;
 * the simulator serves CSV ({@code text/csv}). {@code is_download} filters only when
 * given.
 *
 * @author DeskGraph
 */
final class HuaweiExportTasks {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final List<String> STATUSES = List.of("CREATING", "SUCCESS", "FAIL", "EXPIRED");

	private static final int MAX_TASKS = 10_000;

	private final HuaweiUsageMetrics metrics;

	private final HuaweiSimulatorProperties properties;

	private final Clock clock;

	private final Map<String, Task> tasks = new ConcurrentHashMap<>();

	HuaweiExportTasks(HuaweiUsageMetrics metrics, HuaweiSimulatorProperties properties, Clock clock) {
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	TaskCreated export(HuaweiQuery query) {
		List<HuaweiUsageMetrics.DesktopRow> rows = this.metrics.desktopRows(this.metrics.desktopQuery(query));
		StringBuilder csv = new StringBuilder(
				"resource_id,resource_name,resource_pool_id,resource_pool_name,latest_connect_username,"
						+ "desktop_usage,desktop_idle_duration\n");
		for (HuaweiUsageMetrics.DesktopRow row : rows) {
			HuaweiUsageMetrics.DesktopMetric metric = this.metrics.desktopMetric(row);
			csv.append(metric.resourceId())
				.append(',')
				.append(metric.resourceName())
				.append(',')
				.append(orEmpty(metric.resourcePoolId()))
				.append(',')
				.append(orEmpty(metric.resourcePoolName()))
				.append(',')
				.append(orEmpty(metric.latestConnectUsername()))
				.append(',')
				.append(row.usageSeconds())
				.append(',')
				.append(row.idleSeconds())
				.append('\n');
		}
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		String fileName = "DesktopUsageMetric_" + FILE_TIME.format(now) + "_" + id.substring(0, 8) + ".csv";
		if (this.tasks.size() >= MAX_TASKS) {
			this.tasks.values()
				.stream()
				.min(Comparator.comparing(Task::createdAt))
				.ifPresent((oldest) -> this.tasks.remove(oldest.id()));
		}
		this.tasks.put(id, new Task(id, now, fileName, csv.toString().getBytes(StandardCharsets.UTF_8)));
		return new TaskCreated(id);
	}

	ExportTasks list(HuaweiQuery query) {
		String fileName = query.string("file_name");
		String taskId = query.string("task_id");
		String status = query.oneOf("status", STATUSES);
		Boolean downloaded = query.bool("is_download");
		query.oneOf("sort_field", List.of("create_time"));
		boolean descending = "DESC".equals(query.oneOf("sort_type", List.of("ASC", "DESC")));
		int offset = query.integer("offset", 0, 2_147_483_646, 0);
		int limit = query.integer("limit", 1, 100, 20);
		Instant now = this.clock.instant();
		List<ExportTaskItem> items = new ArrayList<>();
		Comparator<Task> order = Comparator.comparing(Task::createdAt).thenComparing(Task::id);
		for (Task task : this.tasks.values().stream().sorted(descending ? order.reversed() : order).toList()) {
			ExportTaskItem item = task.item(now, this.properties);
			if ((taskId == null || taskId.equals(item.taskId())) && (status == null || status.equals(item.status()))
					&& (downloaded == null || downloaded == item.isDownload())
					&& (fileName == null || (item.fileName() != null
							&& item.fileName().toLowerCase(Locale.ROOT).contains(fileName.toLowerCase(Locale.ROOT))))) {
				items.add(item);
			}
		}
		return new ExportTasks(HuaweiUsageReports.page(items, offset, limit), items.size());
	}

	SimulatorResponse download(String taskId) {
		Task task = this.tasks.get(taskId);
		if (task == null) {
			throw HuaweiApiException.notFound("The export task " + taskId + " does not exist");
		}
		String status = task.item(this.clock.instant(), this.properties).status();
		if (!status.equals("SUCCESS")) {
			throw HuaweiApiException
				.notFound("The export task " + taskId + " is " + status + "; only a SUCCESS task can be downloaded");
		}
		task.downloaded = true;
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8");
		headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + task.fileName() + "\"");
		return new SimulatorResponse(200, headers, task.csv());
	}

	void reset() {
		this.tasks.clear();
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static final class Task {

		private final String id;

		private final Instant createdAt;

		private final String fileName;

		private final byte[] csv;

		private volatile boolean downloaded;

		Task(String id, Instant createdAt, String fileName, byte[] csv) {
			this.id = id;
			this.createdAt = createdAt;
			this.fileName = fileName;
			this.csv = csv;
		}

		String id() {
			return this.id;
		}

		Instant createdAt() {
			return this.createdAt;
		}

		String fileName() {
			return this.fileName;
		}

		byte[] csv() {
			return this.csv;
		}

		ExportTaskItem item(Instant now, HuaweiSimulatorProperties properties) {
			Instant readyAt = this.createdAt.plus(properties.exportReadyAfter());
			String created = HuaweiUsageReports.TIME.format(this.createdAt);
			if (now.isBefore(readyAt)) {
				return new ExportTaskItem(this.id, null, "CREATING", null, null, created, null, this.downloaded);
			}
			String status = now.isBefore(this.createdAt.plus(properties.exportRetention())) ? "SUCCESS" : "EXPIRED";
			return new ExportTaskItem(this.id, this.fileName, status, null, null, created,
					HuaweiUsageReports.TIME.format(readyAt), this.downloaded);
		}

	}

	record TaskCreated(String taskId) {

	}

	record ExportTasks(List<ExportTaskItem> exportTasks, int count) {

	}

	record ExportTaskItem(String taskId, @Nullable String fileName, String status, @Nullable String failReason,
			@Nullable String errorCode, String createTime, @Nullable String endTime,
			@JsonProperty("is_download") boolean isDownload) {

	}

}
