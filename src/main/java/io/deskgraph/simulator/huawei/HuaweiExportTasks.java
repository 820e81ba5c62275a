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
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Answers ExportDesktopUsageMetric ({@code GET
 * /v3/{project_id}/statistics/metrics/desktops/export}), ListExportTasks ({@code GET
 * /v2/{project_id}/export-tasks}) and DownloadExportFile ({@code GET
 * /v2/{project_id}/export-tasks/{task_id}/download}).
 * <p>
 * An export snapshots the desktop metric rows ListDesktopUsageMetric answers for the same
 * window, filters and order when it is created. Its task is {@code CREATING} until the
 * configured ready delay has passed, then {@code SUCCESS} with a file name like
 * {@code DesktopUsageMetric_20260101093000_1a2b3c4d.csv}, and {@code EXPIRED} after the
 * retention period. An export that matches no desktop ends {@code FAIL} with
 * {@value #NO_DATA} and a fail reason (the vendor's behaviour here is not documented;
 * this gives a deterministic failing input). {@code is_download} filters only when given
 * and turns true when the file is first served.
 * <p>
 * The vendor's file format is unconfirmed (VENDOR-APIS.md A3.4). The simulator serves CSV
 * ({@code text/csv;charset=UTF-8}, RFC 4180 quoting, one header line, then one line per
 * desktop: ids and names, then {@code desktop_usage} and {@code desktop_idle_duration} in
 * seconds, the values ListDesktopUsageMetric reports): it is what the console offers for
 * usage statistics, it can be produced and read row by row, so it is streamed in chunks
 * of {@value #CHUNK_ROWS} rows with no {@code Content-Length}, and any client can parse
 * it. A download of an unknown task answers 404 {@value HuaweiApiException#NOT_FOUND},
 * one of a task that is not {@code SUCCESS} 400
 * {@value HuaweiApiException#NOT_DOWNLOADABLE}.
 *
 * @author DeskGraph
 */
final class HuaweiExportTasks {

	/** Invented Workspace code of an export that found nothing to export. */
	static final String NO_DATA = "WKS.00000005";

	/** Rows per streamed chunk of a file. */
	static final int CHUNK_ROWS = 100;

	private static final String HEADER = "resource_id,resource_name,resource_pool_id,resource_pool_name,"
			+ "latest_connect_username,desktop_usage,desktop_idle_duration\n";

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
		List<String> lines = new ArrayList<>(rows.size());
		for (HuaweiUsageMetrics.DesktopRow row : rows) {
			HuaweiUsageMetrics.DesktopMetric metric = this.metrics.desktopMetric(row);
			lines.add(String.join(",", cell(metric.resourceId()), cell(metric.resourceName()),
					cell(metric.resourcePoolId()), cell(metric.resourcePoolName()),
					cell(metric.latestConnectUsername()), Long.toString(row.usageSeconds()),
					Long.toString(row.idleSeconds())) + "\n");
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
		this.tasks.put(id, new Task(id, now, fileName, List.copyOf(lines)));
		return new TaskCreated(id);
	}

	/** A CSV cell, quoted when it holds a separator, a quote or a line break. */
	private static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
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
			throw HuaweiApiException.notDownloadable(
					"The export task " + taskId + " is " + status + "; only a SUCCESS task can be downloaded");
		}
		task.downloaded = true;
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8");
		headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + task.fileName() + "\"");
		List<String> lines = task.lines();
		// Each chunk is rendered when the client asks for it, never the whole file.
		Flux<byte[]> chunks = Flux.range(0, (lines.size() + CHUNK_ROWS - 1) / CHUNK_ROWS)
			.map((chunk) -> String.join("",
					lines.subList(chunk * CHUNK_ROWS, Math.min(lines.size(), (chunk + 1) * CHUNK_ROWS))))
			.startWith(HEADER)
			.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		return SimulatorResponse.streamed(200, headers, chunks);
	}

	void reset() {
		this.tasks.clear();
	}

	private static final class Task {

		private final String id;

		private final Instant createdAt;

		private final String fileName;

		private final List<String> lines;

		private volatile boolean downloaded;

		Task(String id, Instant createdAt, String fileName, List<String> lines) {
			this.id = id;
			this.createdAt = createdAt;
			this.fileName = fileName;
			this.lines = lines;
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

		List<String> lines() {
			return this.lines;
		}

		ExportTaskItem item(Instant now, HuaweiSimulatorProperties properties) {
			Instant readyAt = this.createdAt.plus(properties.exportReadyAfter());
			String created = HuaweiUsageReports.TIME.format(this.createdAt);
			if (now.isBefore(readyAt)) {
				return new ExportTaskItem(this.id, null, "CREATING", null, null, created, null, this.downloaded);
			}
			String ended = HuaweiUsageReports.TIME.format(readyAt);
			if (this.lines.isEmpty()) {
				return new ExportTaskItem(this.id, null, "FAIL", "No data matches the export's time range and filters",
						NO_DATA, created, ended, false);
			}
			String status = now.isBefore(this.createdAt.plus(properties.exportRetention())) ? "SUCCESS" : "EXPIRED";
			return new ExportTaskItem(this.id, this.fileName, status, null, null, created, ended, this.downloaded);
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
