package io.deskgraph.simulator.huawei;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the export APIs of {@link HuaweiSimulator} (not in SDK 3.1.143, so called
 * with raw HTTP signed by the SDK's {@code AKSKSigner}).
 *
 * @author DeskGraph
 */
class HuaweiSimulatorExportTests {

	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HuaweiSimulatorTestSupport.MovableClock clock = new HuaweiSimulatorTestSupport.MovableClock();

	private static HuaweiSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(Map.of("export-ready-after", "3s", "export-retention", "2h"),
				clock);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@BeforeEach
	void reset() {
		HuaweiSimulatorTestSupport.send(simulator, "POST", "/_sim/reset", Map.of(), "", Map.of());
	}

	@Test
	void exportTaskIsCreatingThenSucceedsAndDownloadsTheMetricRows() throws Exception {
		Map<String, List<String>> window = window(20);
		Map<String, List<String>> params = new java.util.HashMap<>(window);
		params.put("sort_field", List.of("desktop_usage"));
		params.put("sort_type", List.of("DESC"));
		params.put("min_idle_days", List.of("1"));
		String taskId = export(params);
		JsonNode creating = task(taskId);
		assertThat(creating.get("status").asText()).isEqualTo("CREATING");
		assertThat(creating.has("file_name")).isFalse();
		assertThat(creating.get("is_download").asBoolean()).isFalse();
		HttpResponse<String> early = get("/v2/%s/export-tasks/" + taskId + "/download", Map.of());
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(early.body()).get("error_code").asText()).isEqualTo("WKS.00000004");
		clock.advance(Duration.ofSeconds(4));
		JsonNode done = task(taskId);
		assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
		assertThat(done.get("file_name").asText())
			.matches("DesktopUsageMetric_\\d{14}_" + taskId.substring(0, 8) + "\\.csv");
		assertThat(Instant.parse(done.get("end_time").asText()))
			.isAfter(Instant.parse(done.get("create_time").asText()));
		HttpResponse<String> file = get("/v2/%s/export-tasks/" + taskId + "/download", Map.of());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(file.headers().firstValue("X-Request-Id")).isPresent();
		List<String> lines = file.body().lines().toList();
		assertThat(lines.get(0)).startsWith("resource_id,resource_name,");
		List<String> expected = new ArrayList<>();
		JsonNode metrics = metrics(params);
		for (JsonNode item : metrics) {
			expected.add(String.join(",", item.get("resource_id").asText(), item.get("resource_name").asText(),
					item.path("resource_pool_id").asText(""), item.path("resource_pool_name").asText(""),
					item.path("latest_connect_username").asText(""),
					Long.toString(item.get("metric").get(0).get("metric_value").asLong()),
					Long.toString(item.get("metric").get(1).get("metric_value").asLong())));
		}
		// Every column of every row, in the same order.
		List<String> exported = lines.subList(1, lines.size());
		assertThat(exported).isNotEmpty().containsExactlyElementsOf(expected);
		assertThat(task(taskId).get("is_download").asBoolean()).isTrue();
	}

	@Test
	void downloadIsAStreamedCsvAttachmentNamedLikeTheTaskAndMarksItDownloaded() throws Exception {
		String taskId = export(window(30));
		clock.advance(Duration.ofSeconds(4));
		JsonNode done = task(taskId);
		assertThat(JSON.readTree(get("/v2/%s/export-tasks", Map.of("is_download", List.of("true"))).body())
			.get("count")
			.asInt()).isZero();
		HttpResponse<String> file = get("/v2/%s/export-tasks/" + taskId + "/download", Map.of());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
		assertThat(file.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"" + done.get("file_name").asText() + "\"");
		// Streamed in chunks: the length is not known up front.
		assertThat(file.headers().firstValue("Content-Length")).isEmpty();
		List<String> lines = file.body().lines().toList();
		// 300 desktops: more lines than one chunk holds.
		assertThat(lines)
			.hasSize(1 + JSON.readTree(get("/v2/%s/statistics/metrics/desktops", with(window(30), "limit", "1")).body())
				.get("count")
				.asInt());
		assertThat(lines.size()).isGreaterThan(HuaweiExportTasks.CHUNK_ROWS * 2);
		JsonNode downloaded = JSON.readTree(get("/v2/%s/export-tasks", Map.of("is_download", List.of("true"))).body());
		assertThat(downloaded.get("count").asInt()).isEqualTo(1);
		assertThat(downloaded.get("export_tasks").get(0).get("task_id").asText()).isEqualTo(taskId);
	}

	@Test
	void exportMatchingNoDesktopFailsWithErrorCodeAndReasonAndHasNoFile() throws Exception {
		String taskId = export(with(window(10), "resource_name", "no-desktop-is-named-like-this"));
		assertThat(task(taskId).get("status").asText()).isEqualTo("CREATING");
		clock.advance(Duration.ofSeconds(4));
		JsonNode failed = task(taskId);
		assertThat(failed.get("status").asText()).isEqualTo("FAIL");
		assertThat(failed.get("error_code").asText()).isEqualTo(HuaweiExportTasks.NO_DATA);
		assertThat(failed.get("fail_reason").asText()).isNotBlank();
		assertThat(failed.has("file_name")).isFalse();
		assertThat(failed.get("end_time").asText()).isNotBlank();
		HttpResponse<String> download = get("/v2/%s/export-tasks/" + taskId + "/download", Map.of());
		assertThat(download.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(download.body()).get("error_code").asText()).isEqualTo("WKS.00000004");
		assertThat(task(taskId).get("is_download").asBoolean()).isFalse();
	}

	@Test
	void exportTasksListSortsFiltersAndExpires() throws Exception {
		String first = export(window(10));
		clock.advance(Duration.ofSeconds(1));
		String second = export(window(5));
		JsonNode ascending = JSON.readTree(get("/v2/%s/export-tasks", Map.of()).body());
		assertThat(ascending.get("count").asInt()).isEqualTo(2);
		assertThat(ascending.get("export_tasks").get(0).get("task_id").asText()).isEqualTo(first);
		JsonNode descending = JSON.readTree(
				get("/v2/%s/export-tasks", Map.of("sort_field", List.of("create_time"), "sort_type", List.of("DESC")))
					.body());
		assertThat(descending.get("export_tasks").get(0).get("task_id").asText()).isEqualTo(second);
		JsonNode page = JSON
			.readTree(get("/v2/%s/export-tasks", Map.of("limit", List.of("1"), "offset", List.of("1"))).body());
		assertThat(page.get("count").asInt()).isEqualTo(2);
		assertThat(page.get("export_tasks")).hasSize(1);
		assertThat(page.get("export_tasks").get(0).get("task_id").asText()).isEqualTo(second);
		// The first task is ready 3 s after its creation, the second one 1 s later.
		clock.advance(Duration.ofMillis(2500));
		JsonNode succeeded = JSON.readTree(get("/v2/%s/export-tasks", Map.of("status", List.of("SUCCESS"))).body());
		assertThat(succeeded.get("count").asInt()).isEqualTo(1);
		clock.advance(Duration.ofHours(3));
		assertThat(task(first).get("status").asText()).isEqualTo("EXPIRED");
		HttpResponse<String> expired = get("/v2/%s/export-tasks/" + first + "/download", Map.of());
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(expired.body()).get("error_code").asText()).isEqualTo("WKS.00000004");
		HttpResponse<String> unknown = get("/v2/%s/export-tasks/no-such-task/download", Map.of());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("error_code").asText()).isEqualTo("WKS.00000003");
		assertThat(JSON.readTree(unknown.body()).get("error_msg").asText()).contains("no-such-task");
	}

	@Test
	void exportValidatesLikeTheDesktopMetrics() throws Exception {
		HttpResponse<String> missing = get("/v3/%s/statistics/metrics/desktops/export",
				Map.of("end_time", List.of(METRIC_TIME.format(clock.instant()))));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(missing.body()).get("error_code").asText()).isEqualTo("APIGW.0201");
		assertThat(missing.body()).contains("start_time");
		Instant tooOld = LocalDate.now(clock).minusDays(200).atStartOfDay(ZoneOffset.UTC).toInstant();
		HttpResponse<String> old = get("/v3/%s/statistics/metrics/desktops/export", Map.of("start_time",
				List.of(METRIC_TIME.format(tooOld)), "end_time", List.of(METRIC_TIME.format(clock.instant()))));
		assertThat(old.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(old.body()).get("error_code").asText()).isEqualTo("WKS.00000002");
		HttpResponse<String> badLimit = get("/v2/%s/export-tasks", Map.of("limit", List.of("0")));
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat(badLimit.body()).contains("limit");
		HttpResponse<String> badStatus = get("/v2/%s/export-tasks", Map.of("status", List.of("DONE")));
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("status");
	}

	private static Map<String, List<String>> window(int days) {
		LocalDate last = LocalDate.now(clock).minusDays(2);
		return Map.of("start_time", List.of(METRIC_TIME.format(last.minusDays(days - 1).atStartOfDay(ZoneOffset.UTC))),
				"end_time", List.of(METRIC_TIME.format(last.atTime(23, 59, 59).atZone(ZoneOffset.UTC))));
	}

	private static Map<String, List<String>> with(Map<String, List<String>> params, String name, String value) {
		Map<String, List<String>> copy = new java.util.HashMap<>(params);
		copy.put(name, List.of(value));
		return copy;
	}

	private static String export(Map<String, List<String>> params) throws Exception {
		HttpResponse<String> response = get("/v3/%s/statistics/metrics/desktops/export", params);
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("task_id").asText();
	}

	private static JsonNode task(String taskId) throws Exception {
		JsonNode tasks = JSON.readTree(get("/v2/%s/export-tasks", Map.of("task_id", List.of(taskId))).body());
		assertThat(tasks.get("count").asInt()).isEqualTo(1);
		return tasks.get("export_tasks").get(0);
	}

	private static JsonNode metrics(Map<String, List<String>> params) throws Exception {
		List<JsonNode> items = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			Map<String, List<String>> page = new java.util.HashMap<>(params);
			page.put("offset", List.of(String.valueOf(offset)));
			page.put("limit", List.of("100"));
			JsonNode response = JSON.readTree(get("/v2/%s/statistics/metrics/desktops", page).body());
			total = response.get("count").asInt();
			response.get("items").forEach(items::add);
		}
		return JSON.valueToTree(items);
	}

	private static HttpResponse<String> get(String pathTemplate, Map<String, List<String>> query) {
		// Signed at the simulator's (moved) time, which may be hours ahead of the real
		// one.
		HuaweiSimulatorProperties properties = simulator.properties();
		return HuaweiSimulatorTestSupport.signed(simulator, "GET", pathTemplate.formatted(properties.projectId()),
				query, null, Map.of("X-Sdk-Date", SDK_DATE.format(clock.instant())),
				new BasicCredentials().withAk(properties.accessKey())
					.withSk(properties.secretKey())
					.withProjectId(properties.projectId()));
	}

}
