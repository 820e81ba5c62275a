package io.deskgraph.graphql;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code desktopMetrics}, {@code userMetrics} and the export task round trip
 * over real HTTP against the Huawei simulator.
 *
 * @author DeskGraph
 */
class MetricsAndExportTests extends GatewayTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	void desktopMetricsFilteredByIdleDaysAreSortedByIdleTime() {
		LocalDate from = today().minusDays(29);
		LocalDate to = today().minusDays(1);
		List<Map<String, Object>> nodes = huawei("desktopMetrics").variable("range", range(from, to))
			.variable("filter", Map.of("minIdleDays", 7))
			.variable("sort", Map.of("field", "DESKTOP_IDLE_DURATION", "direction", "DESC"))
			.variable("first", 50)
			.execute()
			.path("desktopMetrics.edges[*].node")
			.entityList(MAP)
			.get();
		assertThat(nodes).isNotEmpty();
		List<Long> idle = nodes.stream().map((node) -> seconds(node, "idle")).toList();
		assertThat(idle).isSortedAccordingTo((a, b) -> Long.compare(b, a)).allMatch((s) -> s >= 7 * 86400L);
	}

	@Test
	void userMetricsAgreeWithTheUsersDesktops() {
		LocalDate from = today().minusDays(30);
		LocalDate to = today().minusDays(1);
		List<Map<String, Object>> nodes = huawei("userMetrics").variable("range", range(from, to))
			.variable("first", 10)
			.execute()
			.path("userMetrics.edges[*].node")
			.entityList(MAP)
			.hasSize(10)
			.get();
		for (Map<String, Object> node : nodes) {
			String user = (String) node.get("userName");
			long expected = 0;
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				if (estate().isAggregated(day)) {
					for (var desktop : estate().desktopsOf(user)) {
						expected += estate().usageSeconds(desktop.id(), day);
					}
				}
			}
			assertThat(seconds(node, "usage")).isEqualTo(expected);
			assertThat(node.get("accountId")).isEqualTo("huawei-demo");
			assertThat((Integer) node.get("loginCount")).isNotNull();
		}
	}

	@Test
	void exportTaskIsCreatedThenSucceeds() {
		Map<String, Object> task = this.graphQlTester.documentName("startExport")
			.variable("input",
					Map.of("accountId", "huawei-demo", "range", range(today().minusDays(10), today().minusDays(1))))
			.execute()
			.path("startDesktopUsageExport")
			.entity(MAP)
			.get();
		String id = (String) task.get("id");
		assertThat(id).isEqualTo("huawei:huawei-demo:" + task.get("nativeId"));
		assertThat(task.get("status")).isIn("CREATING", "SUCCESS");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			Map<String, Object> polled = this.graphQlTester.documentName("exportTask")
				.variable("id", id)
				.execute()
				.path("exportTask")
				.entity(MAP)
				.get();
			assertThat(polled.get("status")).isEqualTo("SUCCESS");
			assertThat((String) polled.get("fileName")).isNotBlank();
		});
		assertThat(upstreamCalls("ExportDesktopUsageMetric")).isEqualTo(1);
	}

	@Test
	void unknownExportTaskIsNull() {
		this.graphQlTester.documentName("exportTask")
			.variable("id", "huawei:huawei-demo:no-such-task")
			.execute()
			.path("exportTask")
			.valueIsNull();
	}

	@SuppressWarnings("unchecked")
	private static long seconds(Map<String, Object> node, String field) {
		return ((Number) ((Map<String, Object>) node.get(field)).get("seconds")).longValue();
	}

}
