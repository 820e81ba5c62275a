package io.deskgraph.connector.huawei;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiSigner}.
 *
 * @author DeskGraph
 */
class HuaweiSignerTests {

	private static final String DOC_AK = "QTWAOYTTINDUT2QVKYUC";

	private static final String DOC_SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

	private static final String DOC_DATE = "20191115T033655Z";

	private static final String DOC_PATH = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";

	private static final String DOC_QUERY = "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0";

	private static final String SDK_DATE = "20261120T101530Z";

	@Test
	void publishedExampleWithTheDocumentedHeaderSetGivesThePublishedHashAndSignature() {
		SortedMap<String, String> headers = new TreeMap<>();
		headers.put("content-type", "application/json");
		headers.put("host", "service.region.example.com");
		headers.put("x-sdk-date", DOC_DATE);
		String canonical = HuaweiSigner.canonicalRequest("GET", DOC_PATH, DOC_QUERY, headers,
				HuaweiSigner.EMPTY_PAYLOAD_HASH);
		assertThat(canonical).startsWith("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n" + DOC_QUERY + "\n");
		String stringToSign = HuaweiSigner.stringToSign(DOC_DATE, canonical);
		assertThat(stringToSign).isEqualTo(
				"SDK-HMAC-SHA256\n" + DOC_DATE + "\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
		String signature = HuaweiSigner.signature(DOC_SK, stringToSign);
		assertThat(signature).isEqualTo("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
		assertThat(HuaweiSigner.authorization(DOC_AK, headers, signature)).isEqualTo(
				"SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature="
						+ "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
	}

	@Test
	void publishedExampleWithTheSdkHeaderSetGivesTheSdkSignature() {
		SortedMap<String, String> headers = new TreeMap<>();
		headers.put("host", "service.region.example.com");
		headers.put("x-sdk-date", DOC_DATE);
		String canonical = HuaweiSigner.canonicalRequest("GET", DOC_PATH, DOC_QUERY, headers,
				HuaweiSigner.EMPTY_PAYLOAD_HASH);
		String signature = HuaweiSigner.signature(DOC_SK, HuaweiSigner.stringToSign(DOC_DATE, canonical));
		assertThat(signature).isEqualTo("faafba090046ef84c81ca330e77576d8746733ddfcf0317aaeb59cff50da39a7");
		String sdk = sdkAuthorization(
				new SdkCase("doc", "GET", "https://service.region.example.com", DOC_PATH,
						query("limit", "2", "marker", "13551d6b-755d-4757-b956-536f674975c0"), null, null, null),
				DOC_AK, DOC_SK, DOC_DATE);
		assertThat(sdk).isEqualTo(HuaweiSigner.authorization(DOC_AK, headers, signature));
	}

	@Test
	void emptyBodyHashIsTheHashOfNoBytes() {
		assertThat(HuaweiSigner.sha256Hex(new byte[0])).isEqualTo(HuaweiSigner.EMPTY_PAYLOAD_HASH);
	}

	@Test
	void canonicalUriEncodesEverySegmentAndEndsWithSlash() {
		assertThat(HuaweiSigner.canonicalUri("/")).isEqualTo("/");
		assertThat(HuaweiSigner.canonicalUri("/v2/pid/desktops/statistics/used"))
			.isEqualTo("/v2/pid/desktops/statistics/used/");
		assertThat(HuaweiSigner.canonicalUri("/v2/a%20b/x+y/%7Etilde")).isEqualTo("/v2/a%20b/x%2By/~tilde/");
	}

	@Test
	void canonicalQuerySortsByKeyAndKeepsTheOrderOfRepeatedValues() {
		assertThat(HuaweiSigner.canonicalQuery("statistics_type=run-state&desktop_type=POOLED"
				+ "&desktop_type=DEDICATED&statistics_type=attach-state&empty="))
			.isEqualTo("desktop_type=POOLED&desktop_type=DEDICATED&empty="
					+ "&statistics_type=run-state&statistics_type=attach-state");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sdkCases")
	void signatureAgreesWithTheOfficialSdkSigner(SdkCase sdkCase) {
		String ak = "HWTESTAK0000000000AK";
		String sk = "hw-test-secret/with+odd=chars";
		String[] segments = sdkCase.path().substring(1).split("/");
		HuaweiRequest.UriBuilder builder = HuaweiRequest.uri(URI.create(sdkCase.endpoint()), segments);
		sdkCase.query().forEach((name, values) -> builder.params(name, values));
		URI wire = builder.build();
		SortedMap<String, String> headers = new TreeMap<>();
		headers.put("host", HuaweiSigningFilter.host(wire));
		headers.put("x-sdk-date", SDK_DATE);
		if (sdkCase.projectId() != null) {
			headers.put("x-project-id", sdkCase.projectId());
		}
		if (sdkCase.securityToken() != null) {
			headers.put("x-security-token", sdkCase.securityToken());
		}
		String payloadHash = (sdkCase.body() != null)
				? HuaweiSigner.sha256Hex(sdkCase.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				: HuaweiSigner.EMPTY_PAYLOAD_HASH;
		String canonical = HuaweiSigner.canonicalRequest(sdkCase.method(), wire.getRawPath(), wire.getRawQuery(),
				headers, payloadHash);
		String ours = HuaweiSigner.authorization(ak, headers,
				HuaweiSigner.signature(sk, HuaweiSigner.stringToSign(SDK_DATE, canonical)));
		assertThat(ours).isEqualTo(sdkAuthorization(sdkCase, ak, sk, SDK_DATE));
	}

	static Stream<Arguments> sdkCases() {
		String pid = "0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f";
		return Stream.of(
				Arguments.of(new SdkCase("GET with repeated query keys", "GET", "http://127.0.0.1:18081",
						"/v2/" + pid + "/statistics",
						query("statistics_type", "attach-state", "statistics_type", "login-state", "statistics_type",
								"run-state", "desktop_type", "DEDICATED", "desktop_type", "POOLED"),
						null, pid, null)),
				Arguments.of(new SdkCase("POST with a JSON body", "POST", "http://127.0.0.1:18081",
						"/v2/" + pid + "/desktops/statistics/used", query(),
						"{\"start_time\":\"2024-01-01\",\"end_time\":\"2024-01-02\",\"group_by_type\":\"DAY\"}", pid,
						null)),
				Arguments.of(new SdkCase("odd characters in query values", "GET",
						"https://workspace.cn-north-4.myhuaweicloud.com", "/v2/" + pid + "/statistics/metrics/users",
						query("username", "Zoë Müller/ops ~*+%", "start_time", "2026-11-01T00:00:00Z", "end_time",
								"2026-11-30T23:59:59Z", "resource_name", "桌面 1", "empty", ""),
						null, pid, null)),
				Arguments.of(new SdkCase("a path needing encoding", "GET", "http://localhost:8443",
						"/v2/" + pid + "/export-tasks/task id+1~x", query("task_id", "a b"), null, pid, null)),
				Arguments.of(new SdkCase("temporary credentials with a security token", "GET", "http://127.0.0.1:18081",
						"/v2/" + pid + "/export-tasks", query("task_id", "t-1"), null, pid, "sts-token/with+chars==")),
				Arguments.of(new SdkCase("POST with a body and a security token", "POST", "http://127.0.0.1:9",
						"/v2/" + pid + "/desktops/statistics/used", query(),
						"{\"desktop_ids\":[\"a\",\"b\"],\"desktop_username\":\"ünï\",\"offset\":100,\"limit\":100}",
						pid, "sts-token")));
	}

	private static String sdkAuthorization(SdkCase sdkCase, String ak, String sk, String sdkDate) {
		HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
			.withEndpoint(sdkCase.endpoint())
			.withPath(sdkCase.path())
			.withMethod(HttpMethod.valueOf(sdkCase.method()))
			.withContentType("application/json")
			.addHeader("X-Sdk-Date", sdkDate);
		sdkCase.query().forEach((name, values) -> builder.addQueryParam(name, values));
		BasicCredentials credentials = new BasicCredentials().withAk(ak).withSk(sk);
		if (sdkCase.projectId() != null) {
			builder.addHeader("X-Project-Id", sdkCase.projectId());
			credentials.withProjectId(sdkCase.projectId());
		}
		if (sdkCase.securityToken() != null) {
			builder.addHeader("X-Security-Token", sdkCase.securityToken());
			credentials.withSecurityToken(sdkCase.securityToken());
		}
		if (sdkCase.body() != null) {
			builder.withBodyAsString(sdkCase.body());
		}
		Map<String, String> added = AKSKSigner.getInstance().sign(builder.build(), credentials);
		return added.get("Authorization");
	}

	private static Map<String, List<String>> query(String... pairs) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			query.computeIfAbsent(pairs[i], (key) -> new ArrayList<>()).add(pairs[i + 1]);
		}
		return query;
	}

	record SdkCase(String name, String method, String endpoint, String path, Map<String, List<String>> query,
			@Nullable String body, @Nullable String projectId, @Nullable String securityToken) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
