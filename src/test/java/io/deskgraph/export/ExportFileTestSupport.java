package io.deskgraph.export;

import java.time.Duration;
import java.util.Map;

import io.deskgraph.system.limits.DefaultLimitsTestSupport;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the export file tests: DeskGraph in demo mode with its default limits over real
 * HTTP, with GraphQL helpers for starting and polling exports.
 *
 * @author DeskGraph
 */
abstract class ExportFileTestSupport extends DefaultLimitsTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String TASK_FIELDS = "id accountId nativeId status vendorStatus fileName failReason errorCode "
			+ "downloaded downloadUrl createdAt finishedAt";

	WebClient gateway() {
		return gateway(null);
	}

	WebClient gateway(String apiKey) {
		// A connection per request: with the shared pool, a request after other tests'
		// streamed and cancelled downloads twice waited 20 s for its answer (never seen
		// with curl reusing one connection for the same sequence); not yet explained.
		WebClient.Builder builder = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
			.baseUrl("http://127.0.0.1:" + this.port);
		if (apiKey != null) {
			builder.defaultHeader("X-API-Key", apiKey);
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> graphQl(WebClient client, String query, Map<String, Object> variables) {
		Map<String, Object> response = client.post()
			.uri("/graphql")
			.bodyValue(Map.of("query", query, "variables", variables))
			.retrieve()
			.bodyToMono(MAP)
			.block();
		assertThat(response).doesNotContainKey("errors");
		return (Map<String, Object>) response.get("data");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> startExport(WebClient client, Map<String, Object> input) {
		return (Map<String, Object>) graphQl(client,
				"mutation($input: DesktopUsageExportInput!) { startDesktopUsageExport(input: $input) { " + TASK_FIELDS
						+ " } }",
				Map.of("input", input))
			.get("startDesktopUsageExport");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> exportTask(WebClient client, String id) {
		return (Map<String, Object>) graphQl(client, "query($id: ID!) { exportTask(id: $id) { " + TASK_FIELDS + " } }",
				Map.of("id", id))
			.get("exportTask");
	}

	Map<String, Object> awaitStatus(WebClient client, String id, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> exportTask(client, id), (task) -> status.equals(task.get("status")));
	}

	Map<String, Object> range(int days) {
		return Map.of("from", today().minusDays(days).toString(), "to", today().minusDays(2).toString());
	}

}
