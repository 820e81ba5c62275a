package io.deskgraph.system.observability;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.simulator.EmbeddedSimulator;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestLogInterceptor}.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("unthrottled")
@ExtendWith(OutputCaptureExtension.class)
class RequestLogInterceptorTests {

	private static final Pattern LOG_LINE = Pattern.compile("GraphQL request executionId=(\\S+) operation=Status "
			+ "duration=(\\d+)ms sources=\\[([^\\]]*)\\] upstreamCalls=(\\d+) \\(0 error\\(s\\)\\)");

	@Autowired
	private WebTestClient client;

	@Autowired
	private UpstreamExecutor upstream;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private AlibabaSimulator alibaba;

	@Test
	void logsEachRequestOnceWithItsIdDurationSourcesAndUpstreamCalls(CapturedOutput output) {
		reset(this.huawei);
		reset(this.alibaba);
		this.upstream.invalidateAll();
		this.client.post()
			.uri("/graphql")
			.header("X-Debug-Token", "never-log-this-header")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "query Status { desktopStatus { total sources { accountId state } } }",
					"operationName", "Status"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.desktopStatus.total")
			.isNumber();
		Matcher line = LOG_LINE.matcher(output.getOut());
		assertThat(line.find()).as("request log line in %s", output.getOut()).isTrue();
		assertThat(line.group(1)).isNotBlank();
		assertThat(line.group(3)).isEqualTo("huawei-demo:OK, alibaba-demo:OK");
		long vendorCalls = calls(this.huawei) + calls(this.alibaba);
		assertThat(vendorCalls).isPositive();
		assertThat(Long.parseLong(line.group(4))).isEqualTo(vendorCalls);
		assertThat(line.find()).as("logged once").isFalse();
		assertThat(output.getOut()).doesNotContain("never-log-this-header")
			.doesNotContain("hw-demo-secret-key-for-local-use-only")
			.doesNotContain("ali-demo-secret-for-local-use-only");
	}

	@Test
	void quickAnswersFromCachedVendorDataAreNotLoggedAtInfo(CapturedOutput output) {
		this.upstream.invalidateAll();
		// Two documents asking the same vendor data: the second is executed (not answered
		// from the response cache) but finds the vendor's answer cached.
		for (String total : List.of("total", "count: total")) {
			String query = "query Status { desktopStatus(accountIds: [\"huawei-demo\"]) { " + total + " } }";
			this.client.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", query, "operationName", "Status"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		Matcher line = LOG_LINE.matcher(output.getOut());
		assertThat(line.find()).isTrue();
		assertThat(line.group(3)).isEqualTo("huawei-demo:OK");
		assertThat(Long.parseLong(line.group(4))).isPositive();
		assertThat(line.find()).as("the answer from cached data, logged at DEBUG only").isFalse();
	}

	@Test
	void operationNameCannotForgeALogLine(CapturedOutput output) {
		String forged = "Status\n2026-11-29T10:00:00.000Z ERROR 1 --- [deskgraph] [main] FORGED-LINE\r\u0007";
		// An error makes the line INFO; the name is the client's either way.
		post(Map.of("query", "query Status { accounts { id } noSuchField }", "operationName", forged));
		assertThat(output.getOut())
			.contains(
					"operation=Status\\n2026-11-29T10:00:00.000Z ERROR 1 --- [deskgraph] [main] FORGED-LINE\\r\\u0007 ")
			.doesNotContain("\n2026-11-29T10:00:00.000Z ERROR 1");
	}

	@Test
	void longOperationNameIsCutShortInTheLogLine(CapturedOutput output) {
		String longName = "A".repeat(50_000);
		post(Map.of("query", "query Status { accounts { id } noSuchField }", "operationName", longName));
		String line = output.getOut()
			.lines()
			.filter((text) -> text.contains("GraphQL request executionId="))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(line).contains("operation=" + "A".repeat(100) + "...[+49900 chars] ").hasSizeLessThan(1000);
	}

	@Test
	void logLineNamesTheClassificationsOfTheErrors(CapturedOutput output) {
		String aliases = IntStream.range(0, 31)
			.mapToObj((i) -> "a" + i + ": accounts { id }")
			.collect(Collectors.joining(" ", "query Aliases { ", " }"));
		post(Map.of("query", aliases, "operationName", "Aliases"));
		post(Map.of("query", "query Unknown { noSuchField }", "operationName", "Unknown"));
		assertThat(output.getOut()).containsPattern("operation=Aliases .*\\(1 error\\(s\\)\\) errors=\\[BAD_REQUEST\\]")
			.containsPattern("operation=Unknown .*\\(1 error\\(s\\)\\) errors=\\[ValidationError\\]");
	}

	private void post(Map<String, Object> body) {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static void reset(EmbeddedSimulator simulator) {
		WebClient.create(simulator.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
	}

	private static long calls(EmbeddedSimulator simulator) {
		Map<String, Object> stats = WebClient.create(simulator.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		return calls.values().stream().mapToLong(Number::longValue).sum();
	}

}
