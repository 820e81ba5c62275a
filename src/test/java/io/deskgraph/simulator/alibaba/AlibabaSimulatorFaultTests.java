package io.deskgraph.simulator.alibaba;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aliyun.ecd20200930.models.DescribeDesktopsRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teautil.models.TeaUtilException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for the per-minute quotas, injected faults, statistics and control endpoints of
 * {@link AlibabaSimulator}.
 *
 * @author DeskGraph
 */
class AlibabaSimulatorFaultTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static AlibabaSimulator simulator;

	private static Client client;

	private static com.aliyun.ecd20200930.Client ecd;

	@BeforeAll
	static void startSimulator() {
		simulator = AlibabaSimulatorTestSupport
			.start(Map.of("quotas.query-history-usage-duration-rank", "4", "timeout-hold", "3s", "desktops", "40"));
		client = AlibabaSimulatorTestSupport.genericClient(simulator);
		ecd = AlibabaSimulatorTestSupport.ecdClient(simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@BeforeEach
	void reset() {
		assertThat(control("POST", "/_sim/reset", "").statusCode()).isEqualTo(200);
	}

	@Test
	void quotaAdmitsTheConfiguredCallsPerMinuteThenThrottles() throws Exception {
		for (int i = 0; i < 4; i++) {
			AlibabaSimulatorTestSupport.rank(client, Map.of());
		}
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.rank(client, Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCode()).isEqualTo("Throttling.User");
				assertThat(ex.getMessage()).contains("Request was denied due to user flow control.");
			});
		// The quota is per action: the inventory still answers.
		assertThat(ecd.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai")).getStatusCode())
			.isEqualTo(200);
		JsonNode stats = stats();
		assertThat(stats.get("quotaExceeded").asLong()).isEqualTo(1);
		assertThat(stats.get("calls").get("QueryHistoryUsageDurationRank").asLong()).isEqualTo(5);
		assertThat(stats.get("calls").get("DescribeDesktops").asLong()).isEqualTo(1);
		assertThat(stats.get("injected").asLong()).isZero();
		reset();
		AlibabaSimulatorTestSupport.rank(client, Map.of());
	}

	@Test
	void throttleFaultAnswersThrottlingUser() throws Exception {
		setFaults("{\"throttleRate\":1}");
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> ecd.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getCode()).isEqualTo("Throttling.User");
			});
		assertThat(stats().get("injected").asLong()).isEqualTo(1);
		assertThat(stats().get("quotaExceeded").asLong()).isZero();
	}

	@Test
	void errorFaultAlternatesInternalErrorAndServiceUnavailable() throws Exception {
		setFaults("{\"errorRate\":1}");
		Set<String> answers = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(TeaException.class)
				.isThrownBy(() -> AlibabaSimulatorTestSupport.rank(client, Map.of()))
				.satisfies((ex) -> answers.add(ex.getStatusCode() + " " + ex.getCode()));
		}
		assertThat(answers).containsExactlyInAnyOrder("500 InternalError", "503 ServiceUnavailable");
		assertThat(stats().get("calls").get("QueryHistoryUsageDurationRank").asLong()).isEqualTo(2);
	}

	@Test
	void malformedFaultAnswersABodyTheClientCannotParse() throws Exception {
		setFaults("{\"malformedRate\":1}");
		HttpResponse<String> raw = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), AlibabaSimulatorTestSupport.now()));
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> JSON.readTree(raw.body())).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> AlibabaSimulatorTestSupport.rank(client, Map.of()))
			.isInstanceOf(TeaUtilException.class)
			.hasMessageContaining("convert to JSON");
		assertThat(stats().get("injected").asLong()).isEqualTo(2);
	}

	@Test
	void timeoutFaultNeverAnswers() throws Exception {
		setFaults("{\"timeoutRate\":1}");
		HttpRequest request = HttpRequest
			.newBuilder(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), AlibabaSimulatorTestSupport.now()),
					(name, value) -> true)
			.timeout(Duration.ofMillis(400))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(stats().get("injected").asLong()).isEqualTo(1);
	}

	@Test
	void downFaultDropsConnectionsWhileControlEndpointsStillAnswer() throws Exception {
		JsonNode faults = setFaults("{\"down\":true}");
		assertThat(faults.get("down").asBoolean()).isTrue();
		assertThatThrownBy(() -> AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), AlibabaSimulatorTestSupport.now())))
			.hasCauseInstanceOf(IOException.class);
		assertThat(stats().get("injected").asLong()).isPositive();
		setFaults("{\"down\":false}");
		assertThat(AlibabaSimulatorTestSupport.rows(AlibabaSimulatorTestSupport.rank(client, Map.of()))).hasSize(5);
	}

	@Test
	void latencyDelaysEveryVendorCall() throws Exception {
		setFaults("{\"latencyMs\":300}");
		long started = System.nanoTime();
		AlibabaSimulatorTestSupport.rank(client, Map.of());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(stats().get("injected").asLong()).isZero();
	}

	@Test
	void faultSettingsMergeAndResetClearsThem() throws Exception {
		setFaults("{\"errorRate\":0.25}");
		JsonNode merged = setFaults("{\"latencyMs\":5,\"throttleRate\":0.1}");
		assertThat(merged.get("errorRate").asDouble()).isEqualTo(0.25);
		assertThat(merged.get("throttleRate").asDouble()).isEqualTo(0.1);
		assertThat(JSON.readTree(control("GET", "/_sim/faults", null).body())).isEqualTo(merged);
		HttpResponse<String> unknown = control("PUT", "/_sim/faults", "{\"explode\":true}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("explode");
		reset();
		JsonNode cleared = JSON.readTree(control("GET", "/_sim/faults", null).body());
		assertThat(cleared.get("errorRate").asDouble()).isZero();
		assertThat(cleared.get("latencyMs").asLong()).isZero();
	}

	@Test
	void statsCountCallsPerAction() throws Exception {
		AlibabaSimulatorTestSupport.rank(client, Map.of());
		ecd.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai"));
		ecd.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-beijing"));
		JsonNode calls = stats().get("calls");
		assertThat(calls.size()).isEqualTo(2);
		assertThat(calls.get("QueryHistoryUsageDurationRank").asLong()).isEqualTo(1);
		assertThat(calls.get("DescribeDesktops").asLong()).isEqualTo(2);
		assertThat(stats().get("peakPerSecond").asLong()).isBetween(1L, 3L);
		assertThat(List.copyOf(simulator.stats().snapshot().calls().keySet()))
			.containsExactly("QueryHistoryUsageDurationRank", "DescribeDesktops");
	}

	@Test
	void controlEndpointsAnswerWithARequestId() {
		HttpResponse<String> response = control("GET", "/_sim/stats", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-acs-request-id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9A-F-]{36}"));
		assertThat(control("GET", "/_sim/nothing", null).statusCode()).isEqualTo(404);
	}

	@Test
	void resetForgetsNoncesSoARequestCanBeSentAgain() throws Exception {
		HttpRequest request = AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(),
				AlibabaSimulatorTestSupport.now());
		assertThat(AlibabaSimulatorTestSupport.send(request).statusCode()).isEqualTo(200);
		assertThat(AlibabaSimulatorTestSupport.send(request).statusCode()).isEqualTo(400);
		reset();
		assertThat(AlibabaSimulatorTestSupport.send(request).statusCode()).isEqualTo(200);
	}

	private static JsonNode setFaults(String json) throws IOException {
		HttpResponse<String> response = control("PUT", "/_sim/faults", json);
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode stats() throws IOException {
		return JSON.readTree(control("GET", "/_sim/stats", null).body());
	}

	private static HttpResponse<String> control(String method, String path, String body) {
		return AlibabaSimulatorTestSupport.send(simulator, method, path, body, Map.of());
	}

}
