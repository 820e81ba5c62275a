package io.deskgraph.simulator.huawei;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServerResponseException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsStatisticsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUnusedDesktopsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoReq;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for the per-minute quotas, injected faults, statistics and control endpoints of
 * {@link HuaweiSimulator}.
 *
 * @author DeskGraph
 */
class HuaweiSimulatorFaultTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static HuaweiSimulator simulator;

	private static WorkspaceClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(
				Map.of("quotas.list-desktops-statistics", "5", "timeout-hold", "3s", "desktops", "40"),
				Clock.systemUTC());
		client = HuaweiSimulatorTestSupport.client(simulator);
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
		for (int i = 0; i < 5; i++) {
			assertThat(client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()).getHttpStatusCode())
				.isEqualTo(200);
		}
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(429);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0308");
				assertThat(ex.getErrorMsg()).isEqualTo(
						"The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 minute");
			});
		assertThat(client.listUnusedDesktops(new ListUnusedDesktopsRequest()).getHttpStatusCode()).isEqualTo(200);
		JsonNode stats = stats();
		assertThat(stats.get("quotaExceeded").asLong()).isEqualTo(1);
		assertThat(stats.get("calls").get("ListDesktopsStatistics").asLong()).isEqualTo(6);
		assertThat(stats.get("injected").asLong()).isZero();
		reset();
		assertThat(client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()).getHttpStatusCode())
			.isEqualTo(200);
	}

	@Test
	void throttleFaultAnswersTheGatewayThrottlingError() throws Exception {
		setFaults("{\"throttleRate\":1}");
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listUnusedDesktops(new ListUnusedDesktopsRequest()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(429);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0308");
				assertThat(ex.getErrorMsg()).contains("limit:200,time:1 minute");
			});
		assertThat(stats().get("injected").asLong()).isEqualTo(1);
		assertThat(stats().get("quotaExceeded").asLong()).isZero();
	}

	@Test
	void errorFaultAnswersAnInternalServerError() throws Exception {
		setFaults("{\"errorRate\":1}");
		assertThatExceptionOfType(ServerResponseException.class)
			.isThrownBy(() -> client
				.listUsedDesktopInfo(new ListUsedDesktopInfoRequest().withBody(new ListUsedDesktopInfoReq())))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(500);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0601");
				assertThat(ex.getRequestId()).matches("[0-9a-f]{32}");
			});
		assertThat(stats().get("calls").get("ListUsedDesktopInfo").asLong()).isEqualTo(1);
	}

	@Test
	void malformedFaultAnswersABodyTheSdkCannotParse() throws Exception {
		setFaults("{\"malformedRate\":1}");
		HttpResponse<String> raw = HuaweiSimulatorTestSupport.signed(simulator, "GET",
				"/v2/" + simulator.properties().projectId() + "/statistics", Map.of(), null);
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> JSON.readTree(raw.body())).isInstanceOf(IOException.class);
		assertThatThrownBy(() -> client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()))
			.isInstanceOf(ServiceResponseException.class)
			.hasMessageContaining("json");
		assertThat(stats().get("injected").asLong()).isEqualTo(2);
	}

	@Test
	void timeoutFaultNeverAnswers() throws Exception {
		setFaults("{\"timeoutRate\":1}");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(simulator.baseUrl() + "/v2/" + simulator.properties().projectId() + "/statistics"))
			.timeout(Duration.ofMillis(400))
			.header("X-Auth-Token", simulator.properties().iamToken())
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> HuaweiSimulatorTestSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(stats().get("injected").asLong()).isEqualTo(1);
	}

	@Test
	void downFaultDropsConnectionsWhileControlEndpointsStillAnswer() throws Exception {
		JsonNode faults = setFaults("{\"down\":true}");
		assertThat(faults.get("down").asBoolean()).isTrue();
		assertThatThrownBy(() -> HuaweiSimulatorTestSupport.send(simulator, "GET",
				"/v2/" + simulator.properties().projectId() + "/statistics", Map.of(), null,
				Map.of("X-Auth-Token", simulator.properties().iamToken())))
			.hasCauseInstanceOf(IOException.class);
		assertThat(stats().get("injected").asLong()).isPositive();
		setFaults("{\"down\":false}");
		assertThat(client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()).getHttpStatusCode())
			.isEqualTo(200);
	}

	@Test
	void latencyDelaysEveryVendorCall() throws Exception {
		setFaults("{\"latencyMs\":300}");
		long started = System.nanoTime();
		assertThat(client.listDesktopsStatistics(new ListDesktopsStatisticsRequest()).getHttpStatusCode())
			.isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(stats().get("injected").asLong()).isZero();
	}

	@Test
	void faultSettingsMergeAndResetClearsThem() throws Exception {
		setFaults("{\"errorRate\":0.25}");
		JsonNode merged = setFaults("{\"latencyMs\":5,\"throttleRate\":0.1}");
		assertThat(merged.get("errorRate").asDouble()).isEqualTo(0.25);
		assertThat(merged.get("throttleRate").asDouble()).isEqualTo(0.1);
		assertThat(merged.get("latencyMs").asLong()).isEqualTo(5);
		assertThat(merged.get("down").asBoolean()).isFalse();
		assertThat(JSON.readTree(control("GET", "/_sim/faults", null).body())).isEqualTo(merged);
		HttpResponse<String> outOfRange = control("PUT", "/_sim/faults", "{\"errorRate\":2}");
		assertThat(outOfRange.statusCode()).isEqualTo(400);
		assertThat(outOfRange.body()).contains("errorRate");
		HttpResponse<String> unknown = control("PUT", "/_sim/faults", "{\"explode\":true}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("explode");
		assertThat(JSON.readTree(control("GET", "/_sim/faults", null).body())).isEqualTo(merged);
		reset();
		JsonNode cleared = JSON.readTree(control("GET", "/_sim/faults", null).body());
		assertThat(cleared.get("errorRate").asDouble()).isZero();
		assertThat(cleared.get("latencyMs").asLong()).isZero();
	}

	@Test
	void statsCountCallsPerOperation() throws Exception {
		client.listDesktopsStatistics(new ListDesktopsStatisticsRequest());
		client.listDesktopsStatistics(new ListDesktopsStatisticsRequest());
		client.listUsedDesktopInfo(new ListUsedDesktopInfoRequest().withBody(new ListUsedDesktopInfoReq()));
		HuaweiSimulatorTestSupport.signed(simulator, "GET", "/v2/" + simulator.properties().projectId() + "/nothing",
				Map.of(), null);
		JsonNode stats = stats();
		JsonNode calls = stats.get("calls");
		assertThat(calls.get("ListDesktopsStatistics").asLong()).isEqualTo(2);
		assertThat(calls.get("ListUsedDesktopInfo").asLong()).isEqualTo(1);
		List<String> operations = List.of("ListDesktopsStatistics", "ListUnusedDesktops", "ListUsedDesktopInfo",
				"ListDesktopUsageMetric", "ListUserUsageMetric", "ExportDesktopUsageMetric", "ListExportTasks",
				"DownloadExportFile", "ListDesktopsDetail");
		assertThat(calls.size()).isEqualTo(operations.size());
		operations.forEach((operation) -> assertThat(calls.has(operation)).isTrue());
		assertThat(calls.get("ListUserUsageMetric").asLong()).isZero();
		assertThat(stats.get("peakPerSecond").asLong()).isBetween(1L, 3L);
		assertThat(simulator.stats().calls("ListDesktopsStatistics")).isEqualTo(2);
	}

	@Test
	void controlEndpointsAnswerWithARequestId() {
		HttpResponse<String> response = control("GET", "/_sim/stats", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f]{32}"));
		assertThat(control("GET", "/_sim/nothing", null).statusCode()).isEqualTo(404);
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
		return HuaweiSimulatorTestSupport.send(simulator, method, path, Map.of(), body, Map.of());
	}

}
