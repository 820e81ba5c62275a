package io.deskgraph.simulator.huawei;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsStatisticsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUnusedDesktopsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoReq;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the errors of {@link HuaweiSimulator}: authentication, validation, business
 * rules, unknown projects and paths, as the official SDK and raw clients see them.
 *
 * @author DeskGraph
 */
class HuaweiSimulatorErrorTests {

	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static HuaweiSimulator simulator;

	private static WorkspaceClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(Map.of("security-token", "hw-demo-sts-token"), Clock.systemUTC());
		client = HuaweiSimulatorTestSupport.client(simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void wrongSecretKeyIsRejectedWithTheRequestIdOfTheAnswer() {
		HuaweiSimulatorProperties properties = simulator.properties();
		WorkspaceClient wrong = HuaweiSimulatorTestSupport.client(simulator, properties.accessKey(), "not-the-secret",
				properties.projectId());
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> wrong.listDesktopsStatistics(new ListDesktopsStatisticsRequest()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(401);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0301");
				assertThat(ex.getErrorMsg()).contains("verify aksk signature fail");
				assertThat(ex.getRequestId()).matches("[0-9a-f]{32}");
			});
	}

	@Test
	void errorBodyCarriesTheSameRequestIdAsTheHeader() throws Exception {
		HttpResponse<String> response = HuaweiSimulatorTestSupport.send(simulator, "GET",
				"/v2/" + simulator.properties().projectId() + "/statistics", Map.of(), null,
				Map.of("X-Auth-Token", "forged"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("error_code").asText()).isEqualTo("APIGW.0301");
		assertThat(body.get("error_msg").asText()).contains("decrypt token fail");
		assertThat(body.get("request_id").asText())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void unknownAccessKeyIsRejected() {
		HuaweiSimulatorProperties properties = simulator.properties();
		WorkspaceClient unknown = HuaweiSimulatorTestSupport.client(simulator, "UNKNOWNAK0000000000Z",
				properties.secretKey(), properties.projectId());
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> unknown.listUnusedDesktops(new ListUnusedDesktopsRequest()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(401);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0301");
				assertThat(ex.getErrorMsg()).contains("ak not exist");
			});
	}

	@Test
	void signatureOlderThanFifteenMinutesIsExpired() throws Exception {
		String staleDate = SDK_DATE.format(Instant.now().minus(16, ChronoUnit.MINUTES));
		HttpResponse<String> response = signed("GET", "/statistics", Map.of(), null, Map.of("X-Sdk-Date", staleDate));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(response.body()).get("error_msg").asText()).contains("signature expired");
		String recentDate = SDK_DATE.format(Instant.now().minus(14, ChronoUnit.MINUTES));
		assertThat(signed("GET", "/statistics", Map.of(), null, Map.of("X-Sdk-Date", recentDate)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void requestChangedAfterSigningIsRejected() throws Exception {
		String body = "{\"limit\":5}";
		HttpResponse<String> good = signed("POST", "/desktops/statistics/used", Map.of(), body, Map.of());
		assertThat(good.statusCode()).isEqualTo(200);
		HuaweiSimulatorProperties properties = simulator.properties();
		com.huaweicloud.sdk.core.http.HttpRequest signedRequest = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
			.withEndpoint(simulator.baseUrl())
			.withPath(path("/desktops/statistics/used"))
			.withMethod(com.huaweicloud.sdk.core.http.HttpMethod.POST)
			.withContentType("application/json")
			.withBodyAsString(body)
			.build();
		Map<String, String> headers = new java.util.HashMap<>(com.huaweicloud.sdk.core.auth.AKSKSigner.getInstance()
			.sign(signedRequest, new BasicCredentials().withAk(properties.accessKey()).withSk(properties.secretKey())));
		headers.remove("Host");
		HttpResponse<String> tampered = HuaweiSimulatorTestSupport.send(simulator, "POST",
				path("/desktops/statistics/used"), Map.of(), "{\"limit\":6}", headers);
		assertThat(tampered.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(tampered.body()).get("error_msg").asText()).contains("verify aksk signature fail");
	}

	@Test
	void unsignedPayloadIsAcceptedWhenDeclared() {
		HttpResponse<String> response = signed("POST", "/desktops/statistics/used", Map.of(), "{\"limit\":1}",
				Map.of("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void securityTokenOfTemporaryCredentialsMustMatch() {
		HuaweiSimulatorProperties properties = simulator.properties();
		BasicCredentials temporary = new BasicCredentials().withAk(properties.accessKey())
			.withSk(properties.secretKey())
			.withProjectId(properties.projectId())
			.withSecurityToken("hw-demo-sts-token");
		assertThat(HuaweiSimulatorTestSupport
			.signed(simulator, "GET", path("/statistics"), Map.of(), null, Map.of(), temporary)
			.statusCode()).isEqualTo(200);
		HttpResponse<String> forged = HuaweiSimulatorTestSupport.signed(simulator, "GET", path("/statistics"), Map.of(),
				null, Map.of(), temporary.withSecurityToken("forged-token"));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.body()).contains("APIGW.0301");
	}

	@Test
	void iamTokenAuthenticatesWithoutSignature() throws Exception {
		HttpResponse<String> response = HuaweiSimulatorTestSupport.send(simulator, "GET", path("/statistics"),
				Map.of("statistics_type", List.of("run-state")), null,
				Map.of("X-Auth-Token", simulator.properties().iamToken()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f]{32}"));
		assertThat(JSON.readTree(response.body()).get("total_num").asInt())
			.isEqualTo(simulator.estate().desktops().size());
	}

	@Test
	void missingCredentialsAreRejected() {
		HttpResponse<String> response = HuaweiSimulatorTestSupport.send(simulator, "GET", path("/statistics"), Map.of(),
				null, Map.of());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("APIGW.0301");
	}

	@Test
	void usedWindowOfThirtyTwoDaysIsRejectedNamingTheLimit() {
		LocalDate end = LocalDate.now(ZoneOffset.UTC);
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listUsedDesktopInfo(new ListUsedDesktopInfoRequest()
				.withBody(new ListUsedDesktopInfoReq().withStartTime(end.minusDays(31).toString())
					.withEndTime(end.toString()))))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("WKS.00000002");
				assertThat(ex.getErrorMsg()).contains("31 days");
			});
		assertThat(client.listUsedDesktopInfo(new ListUsedDesktopInfoRequest()
			.withBody(new ListUsedDesktopInfoReq().withStartTime(end.minusDays(30).toString())
				.withEndTime(end.toString())
				.withLimit(1)))
			.getHttpStatusCode()).isEqualTo(200);
	}

	@Test
	void desktopMetricsBeyondOneHundredEightyDaysAreRejected() {
		Instant end = Instant.now();
		Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(181).atStartOfDay(ZoneOffset.UTC).toInstant();
		assertThatExceptionOfType(ClientRequestException.class).isThrownBy(() -> client
			.listDesktopUsageMetric(new ListDesktopUsageMetricRequest().withStartTime(METRIC_TIME.format(start))
				.withEndTime(METRIC_TIME.format(end))))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("WKS.00000002");
				assertThat(ex.getErrorMsg()).contains("180 days");
			});
		Instant oldestAllowed = start.plus(1, ChronoUnit.DAYS);
		assertThat(client
			.listDesktopUsageMetric(new ListDesktopUsageMetricRequest().withStartTime(METRIC_TIME.format(oldestAllowed))
				.withEndTime(METRIC_TIME.format(end)))
			.getCount()).isPositive();
	}

	@Test
	void userMetricsOverThirtyDaysAreRejected() {
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThatExceptionOfType(ClientRequestException.class).isThrownBy(() -> client.listUserUsageMetric(
				new ListUserUsageMetricRequest().withStartTime(METRIC_TIME.format(end.minus(31, ChronoUnit.DAYS)))
					.withEndTime(METRIC_TIME.format(end))))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("WKS.00000002");
				assertThat(ex.getErrorMsg()).contains("30 days");
			});
	}

	@Test
	void endBeforeStartIsRejected() {
		Instant end = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client
				.listDesktopUsageMetric(new ListDesktopUsageMetricRequest().withStartTime(METRIC_TIME.format(end))
					.withEndTime(METRIC_TIME.format(end.minus(1, ChronoUnit.DAYS)))))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("WKS.00000002"));
	}

	@Test
	void limitOutOfRangeIsRejectedNamingTheParameter() {
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		assertThatExceptionOfType(ClientRequestException.class).isThrownBy(() -> client.listDesktopUsageMetric(
				new ListDesktopUsageMetricRequest().withStartTime(METRIC_TIME.format(end.minus(3, ChronoUnit.DAYS)))
					.withEndTime(METRIC_TIME.format(end))
					.withLimit(101)))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0201");
				assertThat(ex.getErrorMsg()).contains("limit").contains("100");
			});
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listUnusedDesktops(new ListUnusedDesktopsRequest().withOffset(2001)))
			.satisfies((ex) -> assertThat(ex.getErrorMsg()).contains("offset"));
	}

	@Test
	void invalidParametersAreRejectedNamingTheParameter() throws Exception {
		Map<String, Map<String, List<String>>> cases = Map.of("start_time",
				Map.of("end_time", List.of("2026-01-01T00:00:00Z")), "sort_type",
				Map.of("start_time", List.of(METRIC_TIME.format(Instant.now().minus(2, ChronoUnit.DAYS))), "end_time",
						List.of(METRIC_TIME.format(Instant.now())), "sort_type", List.of("SIDEWAYS")),
				"end_time", Map.of("start_time", List.of("2026-01-01T00:00:00Z"), "end_time", List.of("yesterday")));
		for (Map.Entry<String, Map<String, List<String>>> invalid : cases.entrySet()) {
			HttpResponse<String> response = signed("GET", "/statistics/metrics/desktops", invalid.getValue(), null,
					Map.of());
			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode body = JSON.readTree(response.body());
			assertThat(body.get("error_code").asText()).isEqualTo("APIGW.0201");
			assertThat(body.get("error_msg").asText()).contains(invalid.getKey());
		}
		HttpResponse<String> badType = signed("GET", "/statistics", Map.of("desktop_type", List.of("SHARED")), null,
				Map.of());
		assertThat(badType.statusCode()).isEqualTo(400);
		assertThat(badType.body()).contains("desktop_type");
		HttpResponse<String> badGrouping = signed("POST", "/desktops/statistics/used", Map.of(),
				"{\"group_by_type\":\"WEEK\"}", Map.of());
		assertThat(badGrouping.statusCode()).isEqualTo(400);
		assertThat(badGrouping.body()).contains("group_by_type");
		HttpResponse<String> emptyBody = signed("POST", "/desktops/statistics/used", Map.of(), "", Map.of());
		assertThat(emptyBody.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(emptyBody.body()).get("error_code").asText()).isEqualTo("WKS.0001");
	}

	@Test
	void unknownProjectIsUnavailable() {
		HuaweiSimulatorProperties properties = simulator.properties();
		WorkspaceClient other = HuaweiSimulatorTestSupport.client(simulator, properties.accessKey(),
				properties.secretKey(), "ffffffffffffffffffffffffffffffff");
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> other.listDesktopsStatistics(new ListDesktopsStatisticsRequest()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(403);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0310");
			});
	}

	@Test
	void unknownPathAndWrongMethodAreApiNotFound() throws Exception {
		HttpResponse<String> unknown = signed("GET", "/desktops/statistics/unknown", Map.of(), null, Map.of());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("error_code").asText()).isEqualTo("APIGW.0101");
		assertThat(unknown.headers().firstValue("X-Request-Id")).isPresent();
		HttpResponse<String> wrongMethod = signed("GET", "/desktops/statistics/used", Map.of(), null, Map.of());
		assertThat(wrongMethod.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(wrongMethod.body()).get("error_code").asText()).isEqualTo("APIGW.0101");
	}

	private static String path(String suffix) {
		return "/v2/" + simulator.properties().projectId() + suffix;
	}

	private static HttpResponse<String> signed(String method, String suffix, Map<String, List<String>> query,
			String body, Map<String, String> headers) {
		HuaweiSimulatorProperties properties = simulator.properties();
		return HuaweiSimulatorTestSupport.signed(simulator, method, path(suffix), query, body, headers,
				new BasicCredentials().withAk(properties.accessKey())
					.withSk(properties.secretKey())
					.withProjectId(properties.projectId()));
	}

}
