package io.deskgraph.simulator.alibaba;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.aliyun.ecd20200930.models.DescribeDesktopsRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the request authentication and gateway errors of {@link AlibabaSimulator}:
 * ACS3-HMAC-SHA256 and HMAC-SHA1 signatures, their time window, nonce replay, STS tokens,
 * unknown actions and versions, as the official clients and raw requests see them.
 *
 * @author DeskGraph
 */
class AlibabaSimulatorAuthTests {

	private static final String STS_TOKEN = "ali-demo-sts-token";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static AlibabaSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = AlibabaSimulatorTestSupport.start(Map.of("security-token", STS_TOKEN, "desktops", "60"));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void genericClientWithTheRightSecretIsAccepted() throws Exception {
		Map<String, Object> body = AlibabaSimulatorTestSupport
			.rank(AlibabaSimulatorTestSupport.genericClient(simulator), Map.of("Limit", 2));
		assertThat(AlibabaSimulatorTestSupport.rows(body)).hasSize(2);
	}

	@Test
	void wrongSecretIsSignatureDoesNotMatch() {
		Client wrong = AlibabaSimulatorTestSupport.genericClient(simulator, simulator.properties().accessKeyId(),
				"not-the-secret", null);
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.rank(wrong, Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SignatureDoesNotMatch");
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("server string to sign is:ACS3-HMAC-SHA256\n");
				assertThat(ex.getData().get("RequestId").toString()).matches("[0-9A-F-]{36}");
			});
	}

	@Test
	void productClientWithWrongSecretIsSignatureDoesNotMatch() {
		com.aliyun.ecd20200930.Client wrong = AlibabaSimulatorTestSupport.ecdClient(simulator,
				simulator.properties().accessKeyId(), "not-the-secret");
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> wrong.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("SignatureDoesNotMatch");
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("server string to sign is:POST&%2F&AccessKeyId%3D");
			});
	}

	@Test
	void unknownAccessKeyIsNotFound() {
		Client unknown = AlibabaSimulatorTestSupport.genericClient(simulator, "LTAIunknown000000000",
				simulator.properties().accessKeySecret(), null);
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.rank(unknown, Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
				assertThat(ex.getStatusCode()).isEqualTo(404);
			});
	}

	@Test
	void replayedV3RequestIsSignatureNonceUsed() throws Exception {
		HttpRequest request = AlibabaSimulatorTestSupport.v3Request(simulator, Map.of("Limit", "1"),
				AlibabaSimulatorTestSupport.now());
		assertThat(AlibabaSimulatorTestSupport.send(request).statusCode()).isEqualTo(200);
		HttpResponse<String> replay = AlibabaSimulatorTestSupport.send(request);
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(code(replay)).isEqualTo("SignatureNonceUsed");
	}

	@Test
	void replayedV2RequestIsSignatureNonceUsed() throws Exception {
		HttpRequest request = AlibabaSimulatorTestSupport.v2Request(simulator, "POST", "DescribeDesktops",
				Map.of("RegionId", "cn-shanghai"), AlibabaSimulatorTestSupport.now(),
				AlibabaSimulatorTestSupport.nonce());
		assertThat(AlibabaSimulatorTestSupport.send(request).statusCode()).isEqualTo(200);
		HttpResponse<String> replay = AlibabaSimulatorTestSupport.send(request);
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(code(replay)).isEqualTo("SignatureNonceUsed");
	}

	@Test
	void requestSignedMoreThanFifteenMinutesAgoIsExpired() throws Exception {
		Instant now = AlibabaSimulatorTestSupport.now();
		HttpResponse<String> stale = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), now.minus(16, ChronoUnit.MINUTES)));
		assertThat(stale.statusCode()).isEqualTo(400);
		assertThat(code(stale)).isEqualTo("InvalidTimeStamp.Expired");
		HttpResponse<String> future = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), now.plus(16, ChronoUnit.MINUTES)));
		assertThat(code(future)).isEqualTo("InvalidTimeStamp.Expired");
		HttpResponse<String> recent = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(), now.minus(14, ChronoUnit.MINUTES)));
		assertThat(recent.statusCode()).isEqualTo(200);
		HttpResponse<String> staleV2 = AlibabaSimulatorTestSupport.send(AlibabaSimulatorTestSupport.v2Request(simulator,
				"POST", "DescribeDesktops", Map.of("RegionId", "cn-shanghai"), now.minus(16, ChronoUnit.MINUTES),
				AlibabaSimulatorTestSupport.nonce()));
		assertThat(code(staleV2)).isEqualTo("InvalidTimeStamp.Expired");
	}

	@Test
	void queryChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
		HttpRequest signed = AlibabaSimulatorTestSupport.v3Request(simulator, Map.of("Limit", "1"),
				AlibabaSimulatorTestSupport.now());
		HttpRequest changed = HttpRequest.newBuilder(signed, (name, value) -> true)
			.uri(URI.create(simulator.baseUrl() + "/?Limit=2"))
			.build();
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(changed);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(code(response)).isEqualTo("SignatureDoesNotMatch");
	}

	@Test
	void bodyThatDoesNotMatchTheContentHashIsRejected() throws Exception {
		HttpRequest signed = AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(),
				AlibabaSimulatorTestSupport.now());
		HttpRequest changed = HttpRequest.newBuilder(signed, (name, value) -> true)
			.POST(HttpRequest.BodyPublishers.ofString("Limit=3"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build();
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(changed);
		assertThat(code(response)).isEqualTo("SignatureDoesNotMatch");
		assertThat(JSON.readTree(response.body()).get("Message").asText()).contains("x-acs-content-sha256");
	}

	@Test
	void unsignedAcsHeaderIsIncompleteSignature() throws Exception {
		HttpRequest signed = AlibabaSimulatorTestSupport.v3Request(simulator, Map.of(),
				AlibabaSimulatorTestSupport.now());
		HttpRequest changed = HttpRequest.newBuilder(signed, (name, value) -> true).header("x-acs-extra", "1").build();
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(changed);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(code(response)).isEqualTo("IncompleteSignature");
		assertThat(JSON.readTree(response.body()).get("Message").asText()).contains("x-acs-extra");
	}

	@Test
	void requestWithoutAnySignatureIsIncompleteSignature() throws Exception {
		HttpResponse<String> unsigned = AlibabaSimulatorTestSupport.send(simulator, "POST",
				"/?Action=DescribeDesktops&Version=2020-09-30&RegionId=cn-shanghai", null, Map.of());
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat(code(unsigned)).isEqualTo("IncompleteSignature");
		HttpResponse<String> malformed = AlibabaSimulatorTestSupport.send(simulator, "POST", "/", null,
				Map.of("x-acs-action", "DescribeDesktops", "x-acs-version", "2020-09-30", "Authorization",
						"ACS3-HMAC-SHA256 Credential=LTAIdemoAK0000000001"));
		assertThat(code(malformed)).isEqualTo("IncompleteSignature");
	}

	@Test
	void errorBodyCarriesTheRequestIdOfTheHeaderAndAlibabasFields() throws Exception {
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(simulator, "POST", "/", null,
				Map.of("x-acs-action", "QueryHistoryUsageDurationRank", "x-acs-version", "2020-09-30"));
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = JSON.readTree(response.body());
		String requestId = response.headers().firstValue("x-acs-request-id").orElseThrow();
		assertThat(body.get("RequestId").asText()).isEqualTo(requestId);
		assertThat(body.get("HostId").asText()).isEqualTo("127.0.0.1:" + simulator.port());
		assertThat(body.get("Code").asText()).isEqualTo("IncompleteSignature");
		assertThat(body.get("Message").asText()).isNotBlank();
		assertThat(body.get("Recommend").asText())
			.startsWith("https://api.aliyun.com/troubleshoot?q=IncompleteSignature")
			.endsWith("requestId=" + requestId);
	}

	@Test
	void successfulAnswerCarriesTheRequestIdOfTheHeader() throws Exception {
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(AlibabaSimulatorTestSupport
			.v3Request(simulator, Map.of("Limit", "1"), AlibabaSimulatorTestSupport.now()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("RequestId").asText())
			.isEqualTo(response.headers().firstValue("x-acs-request-id").orElseThrow());
	}

	@Test
	void stsTokenMustMatchTheConfiguredOne() throws Exception {
		Client withToken = AlibabaSimulatorTestSupport.genericClient(simulator, simulator.properties().accessKeyId(),
				simulator.properties().accessKeySecret(), STS_TOKEN);
		assertThat(AlibabaSimulatorTestSupport.rows(AlibabaSimulatorTestSupport.rank(withToken, Map.of("Limit", 1))))
			.hasSize(1);
		Client wrongToken = AlibabaSimulatorTestSupport.genericClient(simulator, simulator.properties().accessKeyId(),
				simulator.properties().accessKeySecret(), "forged-token");
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.rank(wrongToken, Map.of()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey"));
		HttpResponse<String> v2WrongToken = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v2Request(simulator, "POST", "DescribeDesktops",
					Map.of("RegionId", "cn-shanghai", "SecurityToken", "forged-token"),
					AlibabaSimulatorTestSupport.now(), AlibabaSimulatorTestSupport.nonce()));
		assertThat(code(v2WrongToken)).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey");
	}

	@Test
	void parametersInAFormBodyAreSignedAndRead() throws Exception {
		Map<String, Object> body = AlibabaSimulatorTestSupport.callWithFormBody(
				AlibabaSimulatorTestSupport.genericClient(simulator), AlibabaSimulatorTestSupport.RANK,
				Map.of("Limit", 3));
		assertThat(AlibabaSimulatorTestSupport.rows(body)).hasSize(3);
	}

	@Test
	void valuesThatNeedPercentEncodingVerifyWithBothSignatures() throws Exception {
		String name = "a b*~+/=&'中";
		Map<String, Object> v3 = AlibabaSimulatorTestSupport.call(AlibabaSimulatorTestSupport.genericClient(simulator),
				"DescribeDesktops", Map.of("RegionId", "cn-shanghai", "DesktopName", name));
		assertThat(((Number) v3.get("TotalCount")).intValue()).isZero();
		assertThat(AlibabaSimulatorTestSupport.ecdClient(simulator)
			.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai").setDesktopName(name))
			.getBody()
			.getTotalCount()).isZero();
		// The official signer leaves parameters with empty values out of the signature.
		HttpResponse<String> empty = AlibabaSimulatorTestSupport.send(AlibabaSimulatorTestSupport.v2Request(simulator,
				"POST", "DescribeDesktops", Map.of("RegionId", "cn-beijing", "DesktopName", ""),
				AlibabaSimulatorTestSupport.now(), AlibabaSimulatorTestSupport.nonce()));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(empty.body()).get("TotalCount").asInt())
			.isEqualTo(simulator.estate().desktops("cn-beijing").size());
	}

	@Test
	void chunkedFormBodyIsReadAndHashed() throws Exception {
		String form = "Limit=4&BizType=1";
		HttpRequest request = AlibabaSimulatorTestSupport.v3Request(simulator, AlibabaSimulatorTestSupport.RANK,
				Map.of(), Map.of("content-type", "application/x-www-form-urlencoded"),
				AlibabaSimulatorTestSupport.now(), AlibabaSimulatorTestSupport.nonce(),
				simulator.properties().accessKeySecret(), form, HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8))));
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(request);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("UsageDurationList")).hasSize(4);
	}

	@Test
	void getRequestWithAQuerySignatureIsServed() throws Exception {
		HttpResponse<String> response = AlibabaSimulatorTestSupport
			.send(AlibabaSimulatorTestSupport.v2Request(simulator, "GET", AlibabaSimulatorTestSupport.RANK,
					Map.of("Limit", "2"), AlibabaSimulatorTestSupport.now(), AlibabaSimulatorTestSupport.nonce()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("UsageDurationList")).hasSize(2);
	}

	@Test
	void unknownActionIsNotFoundAndUnknownVersionIsInvalid() throws Exception {
		Client client = AlibabaSimulatorTestSupport.genericClient(simulator);
		assertThatExceptionOfType(TeaException.class)
			.isThrownBy(() -> AlibabaSimulatorTestSupport.call(client, "DescribeEverything", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("InvalidAction.NotFound");
				assertThat(ex.getStatusCode()).isEqualTo(404);
			});
		HttpResponse<String> wrongPath = AlibabaSimulatorTestSupport.send(simulator, "POST", "/v1/desktops", null,
				Map.of());
		assertThat(wrongPath.statusCode()).isEqualTo(404);
		assertThat(code(wrongPath)).isEqualTo("InvalidAction.NotFound");
		HttpResponse<String> wrongVersion = AlibabaSimulatorTestSupport.send(simulator, "POST", "/", null,
				Map.of("x-acs-action", "DescribeDesktops", "x-acs-version", "2014-05-26"));
		assertThat(wrongVersion.statusCode()).isEqualTo(400);
		assertThat(code(wrongVersion)).isEqualTo("InvalidVersion");
		HttpResponse<String> noAction = AlibabaSimulatorTestSupport.send(simulator, "POST", "/?Version=2020-09-30",
				null, Map.of());
		assertThat(code(noAction)).isEqualTo("MissingParameter");
	}

	@Test
	void requestsAreCountedButUnknownActionsAreNot() throws Exception {
		long before = simulator.stats().calls("DescribeDesktops");
		AlibabaSimulatorTestSupport.send(simulator, "POST", "/?Action=DescribeDesktops&Version=2020-09-30", null,
				Map.of());
		AlibabaSimulatorTestSupport.send(simulator, "POST", "/?Action=DescribeNothing&Version=2020-09-30", null,
				Map.of());
		assertThat(simulator.stats().calls("DescribeDesktops")).isEqualTo(before + 1);
		assertThat(simulator.stats().snapshot().calls()).containsOnlyKeys("QueryHistoryUsageDurationRank",
				"DescribeDesktops");
	}

	private static String code(HttpResponse<String> response) throws Exception {
		assertThat(response.headers().firstValue("x-acs-request-id")).isPresent();
		return JSON.readTree(response.body()).get("Code").asText();
	}

}
