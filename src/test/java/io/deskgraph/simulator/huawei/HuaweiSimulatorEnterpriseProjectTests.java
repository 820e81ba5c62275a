package io.deskgraph.simulator.huawei;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Huawei simulator's {@code enterprise_project_id} filter of the metric and
 * export APIs, which SDK 3.1.143 cannot send: filtered calls are signed by hand with the
 * SDK's {@code AKSKSigner}, unfiltered ones go through the SDK, which ignores the
 * {@code enterprise_project_id} the items now carry.
 *
 * @author DeskGraph
 */
class HuaweiSimulatorEnterpriseProjectTests {

	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HuaweiSimulatorTestSupport.MovableClock clock = new HuaweiSimulatorTestSupport.MovableClock();

	private static HuaweiSimulator simulator;

	private static WorkspaceClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(Map.of(), clock);
		client = HuaweiSimulatorTestSupport.client(simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void estateSpreadsDesktopsOverTheDefaultProjectAndTwoOthersAndKeepsAUsersDesktopsInOne() {
		HuaweiEstate estate = simulator.estate();
		assertThat(estate.enterpriseProjects()).hasSize(3).first().isEqualTo("0");
		for (String project : estate.enterpriseProjects()) {
			assertThat(estate.desktops())
				.anySatisfy((desktop) -> assertThat(desktop.enterpriseProjectId()).isEqualTo(project));
		}
		for (String user : estate.users()) {
			assertThat(estate.desktopsOf(user).stream().map(HuaweiDesktop::enterpriseProjectId).distinct()).hasSize(1);
		}
	}

	@Test
	void desktopMetricsOfEachProjectPartitionTheUnfilteredAnswer() throws Exception {
		Map<String, List<String>> window = window(14);
		List<DesktopMetric> all = sdkDesktopMetrics(window);
		assertThat(all).isNotEmpty();
		Set<String> seen = new HashSet<>();
		int filteredTotal = 0;
		for (String project : simulator.estate().enterpriseProjects()) {
			Map<String, List<String>> filter = new HashMap<>(window);
			filter.put("enterprise_project_id", List.of(project));
			List<JsonNode> items = pages("/v2/%s/statistics/metrics/desktops", filter);
			assertThat(items).isNotEmpty().hasSizeLessThan(all.size());
			for (JsonNode item : items) {
				String id = item.get("resource_id").asText();
				assertThat(item.get("enterprise_project_id").asText()).isEqualTo(project);
				assertThat(simulator.estate().desktop(id).orElseThrow().enterpriseProjectId()).isEqualTo(project);
				assertThat(seen.add(id)).isTrue();
			}
			filteredTotal += items.size();
		}
		assertThat(filteredTotal).isEqualTo(all.size());
		assertThat(seen)
			.isEqualTo(all.stream().map(DesktopMetric::getResourceId).collect(HashSet::new, Set::add, Set::addAll));
	}

	@Test
	void userMetricsKeepTheUsersOfTheProject() throws Exception {
		Map<String, List<String>> window = window(14);
		int all = client
			.listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime(window.get("start_time").get(0))
				.withEndTime(window.get("end_time").get(0))
				.withLimit(1))
			.getCount();
		int filteredTotal = 0;
		for (String project : simulator.estate().enterpriseProjects()) {
			Map<String, List<String>> filter = new HashMap<>(window);
			filter.put("enterprise_project_id", List.of(project));
			List<JsonNode> items = pages("/v2/%s/statistics/metrics/users", filter);
			assertThat(items).isNotEmpty();
			for (JsonNode item : items) {
				assertThat(item.get("enterprise_project_id").asText()).isEqualTo(project);
				assertThat(simulator.estate().desktopsOf(item.get("username").asText()))
					.allSatisfy((desktop) -> assertThat(desktop.enterpriseProjectId()).isEqualTo(project));
			}
			filteredTotal += items.size();
		}
		assertThat(filteredTotal).isEqualTo(all);
	}

	@Test
	void exportAndMetricsRefuseAMalformedProjectId() throws Exception {
		for (String path : List.of("/v2/%s/statistics/metrics/desktops", "/v2/%s/statistics/metrics/users",
				"/v3/%s/statistics/metrics/desktops/export")) {
			Map<String, List<String>> filter = new HashMap<>(window(7));
			filter.put("enterprise_project_id", List.of("project-a"));
			HttpResponse<String> response = get(path, filter);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("enterprise_project_id");
		}
		Map<String, List<String>> filter = new HashMap<>(window(7));
		filter.put("enterprise_project_id", List.of(simulator.estate().enterpriseProjects().get(1)));
		HttpResponse<String> export = get("/v3/%s/statistics/metrics/desktops/export", filter);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(export.body()).get("task_id").asText()).isNotBlank();
	}

	private static Map<String, List<String>> window(int days) {
		LocalDate last = LocalDate.now(clock).minusDays(2);
		return Map.of("start_time", List.of(METRIC_TIME.format(last.minusDays(days - 1).atStartOfDay(ZoneOffset.UTC))),
				"end_time", List.of(METRIC_TIME.format(last.atTime(23, 59, 59).atZone(ZoneOffset.UTC))));
	}

	private static List<DesktopMetric> sdkDesktopMetrics(Map<String, List<String>> window) {
		List<DesktopMetric> metrics = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			ListDesktopUsageMetricResponse page = client.listDesktopUsageMetric(
					new ListDesktopUsageMetricRequest().withStartTime(window.get("start_time").get(0))
						.withEndTime(window.get("end_time").get(0))
						.withOffset(offset)
						.withLimit(100));
			total = page.getCount();
			metrics.addAll(page.getItems());
		}
		return metrics;
	}

	private static List<JsonNode> pages(String path, Map<String, List<String>> params) throws Exception {
		List<JsonNode> items = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			Map<String, List<String>> page = new HashMap<>(params);
			page.put("offset", List.of(String.valueOf(offset)));
			page.put("limit", List.of("100"));
			HttpResponse<String> response = get(path, page);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode body = JSON.readTree(response.body());
			total = body.get("count").asInt();
			body.get("items").forEach(items::add);
		}
		return items;
	}

	private static HttpResponse<String> get(String pathTemplate, Map<String, List<String>> query) {
		return HuaweiSimulatorTestSupport.signed(simulator, "GET",
				pathTemplate.formatted(simulator.properties().projectId()), query, null);
	}

}
