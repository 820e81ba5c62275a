package io.deskgraph.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.Metric;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import io.deskgraph.system.LogEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExportFileHandler}: the export flow from
 * {@code startDesktopUsageExport} to the file at {@code downloadUrl}, over real HTTP
 * against the embedded Huawei simulator with the default limits.
 *
 * @author DeskGraph
 */
class ExportFileTests extends ExportFileTestSupport {

	@Test
	void fileAtDownloadUrlHasTheRowsListDesktopUsageMetricAnswersForTheSameWindow() {
		WebClient gateway = gateway();
		Map<String, Object> started = startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(30),
				"sort", Map.of("field", "DESKTOP_USAGE", "direction", "DESC")));
		assertThat(started.get("status")).isEqualTo("CREATING");
		assertThat(started.get("downloadUrl")).isNull();
		String id = (String) started.get("id");
		Map<String, Object> done = awaitStatus(gateway, id, "SUCCESS");
		assertThat(done.get("downloadUrl")).isEqualTo("/exports/" + id + "/file");
		assertThat(done.get("downloaded")).isEqualTo(false);
		assertThat(done.get("vendorStatus")).isEqualTo("SUCCESS");
		assertThat(done.get("errorCode")).isNull();
		ResponseEntity<String> file = gateway.get()
			.uri((String) done.get("downloadUrl"))
			.retrieve()
			.toEntity(String.class)
			.block();
		assertThat(file.getStatusCode().value()).isEqualTo(200);
		assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/csv;charset=UTF-8");
		assertThat(ContentDisposition.parse(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
			.isEqualTo(done.get("fileName"));
		assertThat(file.getHeaders().getCacheControl()).isEqualTo("no-store");
		List<String> lines = file.getBody().lines().toList();
		assertThat(lines.get(0)).isEqualTo("resource_id,resource_name,resource_pool_id,resource_pool_name,"
				+ "latest_connect_username,desktop_usage,desktop_idle_duration");
		List<DesktopMetric> metrics = sdkDesktopMetrics(today().minusDays(30), today().minusDays(2));
		assertThat(metrics).hasSizeGreaterThan(200);
		// SDK 3.1.143 does not know the pool and user name columns; the rest must agree.
		List<String> expected = metrics.stream()
			.map((metric) -> String.join(",", metric.getResourceId(), metric.getResourceName(),
					orEmpty(metric.getResourcePoolId()), seconds(metric.getMetric(), "desktop_usage"),
					seconds(metric.getMetric(), "desktop_idle_duration")))
			.toList();
		List<String> exported = lines.subList(1, lines.size()).stream().map((line) -> {
			String[] cells = line.split(",", -1);
			assertThat(cells).hasSize(7);
			return String.join(",", cells[0], cells[1], cells[2], cells[5], cells[6]);
		}).toList();
		assertThat(exported).containsExactlyElementsOf(expected);
		// As fresh as the task list, which is cached for deskgraph.cache.live-ttl (5 s).
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(exportTask(gateway, id).get("downloaded")).isEqualTo(true));
	}

	@Test
	void unknownTaskIsNotFound() {
		ResponseEntity<Map<String, Object>> response = download(gateway(), "huawei:huawei-demo:no-such-task");
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody()).containsEntry("error", "not_found");
		assertThat((String) response.getBody().get("message")).contains("no-such-task");
		ResponseEntity<Map<String, Object>> unknownAccount = download(gateway(), "huawei:nowhere:some-task");
		assertThat(unknownAccount.getStatusCode().value()).isEqualTo(404);
		assertThat((String) unknownAccount.getBody().get("message")).contains("unknown account 'nowhere'");
		ResponseEntity<Map<String, Object>> malformed = download(gateway(), "not-a-global-id");
		assertThat(malformed.getStatusCode().value()).isEqualTo(400);
		assertThat(malformed.getBody()).containsEntry("error", "bad_request");
		ResponseEntity<Map<String, Object>> wrongVendor = download(gateway(), "alibaba:huawei-demo:some-task");
		assertThat(wrongVendor.getStatusCode().value()).isEqualTo(400);
		assertThat((String) wrongVendor.getBody().get("message")).contains("belongs to vendor HUAWEI");
		// Alibaba has no export API: no task of it can exist.
		ResponseEntity<Map<String, Object>> alibaba = download(gateway(), "alibaba:alibaba-demo:some-task");
		assertThat(alibaba.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void failedExportHasErrorCodeAndReasonAndNoFile() {
		WebClient gateway = gateway();
		Map<String, Object> started = startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(10),
				"filter", Map.of("desktopName", "no-desktop-is-named-like-this")));
		String id = (String) started.get("id");
		Map<String, Object> failed = awaitStatus(gateway, id, "FAIL");
		assertThat(failed.get("errorCode")).isEqualTo("WKS.00000005");
		assertThat((String) failed.get("failReason")).isNotBlank();
		assertThat(failed.get("downloadUrl")).isNull();
		assertThat(failed.get("fileName")).isNull();
		ResponseEntity<Map<String, Object>> response = download(gateway, id);
		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getBody()).containsEntry("error", "export_failed")
			.containsEntry("status", "FAIL")
			.containsEntry("errorCode", "WKS.00000005");
	}

	@Test
	void taskStillCreatingIsAConflictToRetryLater() {
		WebClient gateway = gateway();
		String id = (String) startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(10))).get("id");
		ResponseEntity<Map<String, Object>> response = download(gateway, id);
		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getBody()).containsEntry("error", "export_not_ready").containsEntry("status", "CREATING");
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

	@Test
	void vendorFailureIsABadGatewayWithoutDetailsOfTheServer() {
		WebClient gateway = gateway();
		String id = (String) startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(10))).get("id");
		awaitStatus(gateway, id, "SUCCESS");
		faults(Map.of("errorRate", 1.0));
		ResponseEntity<Map<String, Object>> response = download(gateway, id);
		assertThat(response.getStatusCode().value()).isIn(502, 503);
		assertThat(response.getBody()).containsEntry("error", "upstream_unavailable")
			.containsEntry("vendor", "HUAWEI")
			.containsEntry("retryable", true)
			.doesNotContainKey("trace");
	}

	@Test
	void gatewayPassesTheFileOnChunkByChunkAsTheVendorSendsIt() {
		WebClient gateway = gateway();
		String id = (String) startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(30))).get("id");
		String url = (String) awaitStatus(gateway, id, "SUCCESS").get("downloadUrl");
		// A slow link: the simulator waits this long before each chunk of 100 rows, so
		// the file (a header and 3 chunks) takes over a second to send.
		faults(Map.of("latencyMs", 400));
		long start = System.nanoTime();
		List<Long> arrivals = gateway.get().uri(url).retrieve().bodyToFlux(DataBuffer.class).map((buffer) -> {
			DataBufferUtils.release(buffer);
			return (System.nanoTime() - start) / 1_000_000;
		}).collectList().block(Duration.ofSeconds(20));
		// A gateway that collected the file would hand it on in one burst at the end.
		assertThat(arrivals.size()).isGreaterThanOrEqualTo(3);
		assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThanOrEqualTo(600);
	}

	@Test
	void clientGoingAwayCancelsTheDownloadAndEachDownloadLogsOneLine() {
		WebClient gateway = gateway();
		String id = (String) startExport(gateway, Map.of("accountId", "huawei-demo", "range", range(30))).get("id");
		String url = (String) awaitStatus(gateway, id, "SUCCESS").get("downloadUrl");
		try (LogEvents events = LogEvents.capture()) {
			String whole = gateway.get().uri(url).retrieve().bodyToMono(String.class).block();
			faults(Map.of("latencyMs", 500));
			List<DataBuffer> first = gateway.get()
				.uri(url)
				.retrieve()
				.bodyToFlux(DataBuffer.class)
				.take(1)
				.collectList()
				.block(Duration.ofSeconds(10));
			first.forEach(DataBufferUtils::release);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines(events)).hasSize(2));
			List<String> lines = lines(events);
			assertThat(lines.get(0)).isEqualTo("Export download account=huawei-demo task=" + id + " bytes="
					+ whole.getBytes(StandardCharsets.UTF_8).length + " status=200 complete");
			assertThat(lines.get(1)).startsWith("Export download account=huawei-demo task=" + id + " bytes=")
				.endsWith("status=200 cancelled by the client");
			assertThat(events.errorsOrStackTraces()).isEmpty();
		}
	}

	private static List<String> lines(LogEvents events) {
		return events.of(ExportFileHandler.class).stream().map((event) -> event.getFormattedMessage()).toList();
	}

	private ResponseEntity<Map<String, Object>> download(WebClient gateway, String id) {
		return gateway.get()
			.uri("/exports/{id}/file", id)
			.exchangeToMono((response) -> response.toEntity(MAP))
			.block(Duration.ofSeconds(20));
	}

	private void faults(Map<String, Object> faults) {
		WebClient.create(this.huawei.baseUrl())
			.put()
			.uri("/_sim/faults")
			.bodyValue(faults)
			.retrieve()
			.toBodilessEntity()
			.block();
	}

	private List<DesktopMetric> sdkDesktopMetrics(LocalDate from, LocalDate to) {
		HuaweiSimulatorProperties properties = this.huawei.properties();
		WorkspaceClient client = WorkspaceClient.newBuilder()
			.withCredential(new BasicCredentials().withAk(properties.accessKey())
				.withSk(properties.secretKey())
				.withProjectId(properties.projectId()))
			.withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
			.withEndpoint(this.huawei.baseUrl())
			.build();
		List<DesktopMetric> metrics = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			ListDesktopUsageMetricResponse page = client
				.listDesktopUsageMetric(new ListDesktopUsageMetricRequest().withStartTime(from + "T00:00:00Z")
					.withEndTime(to + "T23:59:59Z")
					.withSortField("desktop_usage")
					.withSortType("DESC")
					.withOffset(offset)
					.withLimit(100));
			total = page.getCount();
			metrics.addAll(page.getItems());
		}
		return metrics;
	}

	private static String seconds(List<Metric> metrics, String name) {
		return metrics.stream()
			.filter((metric) -> metric.getMetricName().equals(name))
			.map((metric) -> Long.toString(Math.round(metric.getMetricValue())))
			.findFirst()
			.orElseThrow();
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
