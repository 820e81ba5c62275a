package io.deskgraph.connector.alibaba;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.aliyun.tea.TeaRequest;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaSigner}, against the published worked example and the official
 * {@code com.aliyun.openapiutil.Client} signers.
 *
 * @author DeskGraph
 */
class AlibabaSignerTests {

	private static final String AK = "LTAItestAK0000000001";

	private static final String SECRET = "ali-test-secret";

	@Test
	void publishedV3ExampleGivesThePublishedSignature() {
		SortedMap<String, String> headers = new TreeMap<>();
		headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
		headers.put("x-acs-action", "RunInstances");
		headers.put("x-acs-version", "2014-05-26");
		headers.put("x-acs-date", "2023-10-26T09:01:01Z");
		headers.put("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0");
		headers.put("x-acs-content-sha256", AlibabaSigner.EMPTY_PAYLOAD_HASH);
		String canonical = AlibabaSigner.canonicalRequest("POST", "/",
				"ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai", headers,
				AlibabaSigner.EMPTY_PAYLOAD_HASH);
		assertThat(AlibabaSigner.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("29622f5feb1e9fcaaa2e276a72889c975f7b16f00e02be1ca34965b18cd85015");
		String signature = AlibabaSigner.signature("YourAccessKeySecret", canonical);
		assertThat(signature).isEqualTo("e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804");
		assertThat(AlibabaSigner.authorization("YourAccessKeyId", headers, signature)).isEqualTo(
				"ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
						+ "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature="
						+ "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804");
	}

	@Test
	void rankingRequestIsSignedAsTheSdkSignsIt() throws Exception {
		AlibabaRequest request = AlibabaRequest.of(URI.create("http://127.0.0.1:18082"), "X")
			.param("StartDate", "2026-09-01")
			.param("EndDate", "2026-11-19")
			.param("Limit", 200)
			.param("NextToken", "eyJvIjoyMDB9.c2ln+/=")
			.param("BizType", 1)
			.build();
		assertAgreesWithSdk(request.uri(), headers("127.0.0.1:18082", "QueryHistoryUsageDurationRank", null),
				AlibabaSigner.EMPTY_PAYLOAD_HASH);
	}

	@Test
	void oddCharactersInNamesAndValuesAreSignedAsTheSdkSignsThem() throws Exception {
		AlibabaRequest request = AlibabaRequest.of(URI.create("https://ecd.cn-shanghai.aliyuncs.com"), "X")
			.param("DesktopName", "Zoë Müller's desk ~*+/?&=%")
			.param("Empty", "")
			.param("a", "lower-case sorts after upper-case")
			.param("Tag.1.Key", "环境")
			.list("DesktopId", List.of("ecd-b", "ecd-a", "ecd-c"))
			.build();
		assertAgreesWithSdk(request.uri(), headers("ecd.cn-shanghai.aliyuncs.com", "DescribeDesktops", null),
				AlibabaSigner.EMPTY_PAYLOAD_HASH);
	}

	@Test
	void securityTokenHeadersAreSignedAsTheSdkSignsThem() throws Exception {
		AlibabaRequest request = AlibabaRequest.of(URI.create("https://ecd.cn-hangzhou.aliyuncs.com"), "X")
			.param("RegionId", "cn-hangzhou")
			.param("MaxResults", 100)
			.build();
		SortedMap<String, String> headers = headers("ecd.cn-hangzhou.aliyuncs.com", "DescribeDesktops",
				"CAIS/sts+token==");
		assertThat(headers).containsKeys("x-acs-security-token", "x-acs-accesskey-id");
		assertAgreesWithSdk(request.uri(), headers, AlibabaSigner.EMPTY_PAYLOAD_HASH);
	}

	@Test
	void formBodyHashAndContentTypeAreSignedAsTheSdkSignsThem() throws Exception {
		String form = "RegionId=cn-shanghai&DesktopName=a%20b";
		String payloadHash = AlibabaSigner.sha256Hex(form.getBytes(StandardCharsets.UTF_8));
		SortedMap<String, String> headers = headers("ecd.cn-shanghai.aliyuncs.com", "DescribeDesktops", null);
		headers.put("x-acs-content-sha256", payloadHash);
		headers.put("content-type", "application/x-www-form-urlencoded");
		assertAgreesWithSdk(URI.create("https://ecd.cn-shanghai.aliyuncs.com/?MaxResults=10"), headers, payloadHash);
	}

	@Test
	void rpcSignatureMatchesTheSdk() throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("Action", "DescribeDesktops");
		parameters.put("Format", "json");
		parameters.put("Version", "2020-09-30");
		parameters.put("Timestamp", "2026-11-23T15:47:36Z");
		parameters.put("SignatureNonce", "8aa8e99da97daba3b6dfb2683e4858f2");
		parameters.put("SignatureMethod", "HMAC-SHA1");
		parameters.put("SignatureVersion", "1.0");
		parameters.put("AccessKeyId", AK);
		parameters.put("RegionId", "cn-hangzhou");
		parameters.put("MaxResults", "10");
		parameters.put("DesktopName", "Zoë ~*+/");
		String expected = com.aliyun.openapiutil.Client.getRPCSignature(parameters, "POST", SECRET);
		assertThat(AlibabaSigner.rpcSignature("POST", parameters, SECRET)).isEqualTo(expected);
		assertThat(AlibabaSigner.rpcSignature("GET", parameters, SECRET))
			.isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(parameters, "GET", SECRET));
		// The SDK signs what it is given; the signature itself is never part of it.
		parameters.put("Signature", "ignored");
		assertThat(AlibabaSigner.rpcSignature("POST", parameters, SECRET)).isEqualTo(expected);
	}

	@Test
	void rpcSignatureSkipsEmptyValuesAsTheSdkDoes() throws Exception {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("Action", "DescribeDesktops");
		parameters.put("NextToken", "");
		parameters.put("RegionId", "cn-shanghai");
		assertThat(AlibabaSigner.rpcSignature("POST", parameters, SECRET))
			.isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(parameters, "POST", SECRET));
	}

	@Test
	void percentEncodeFollowsRfc3986AsTheSdkDoes() throws Exception {
		for (String value : List.of("a b", "~", "*", "+", "/", "Zoë", "a-b_c.d", "=&%")) {
			assertThat(AlibabaSigner.percentEncode(value))
				.isEqualTo(com.aliyun.openapiutil.Client.percentEncode(value));
		}
		assertThat(AlibabaSigner.percentEncode("a b~*")).isEqualTo("a%20b~%2A");
	}

	private static SortedMap<String, String> headers(String host, String action, @Nullable String securityToken) {
		SortedMap<String, String> headers = new TreeMap<>();
		headers.put("host", host);
		headers.put("x-acs-action", action);
		headers.put("x-acs-version", "2020-09-30");
		headers.put("x-acs-date", "2026-11-20T10:15:30Z");
		headers.put("x-acs-signature-nonce", "0123456789abcdef0123456789abcdef");
		headers.put("x-acs-content-sha256", AlibabaSigner.EMPTY_PAYLOAD_HASH);
		if (securityToken != null) {
			headers.put("x-acs-security-token", securityToken);
			headers.put("x-acs-accesskey-id", AK);
		}
		return headers;
	}

	/**
	 * Signs with {@link AlibabaSigner} and with the SDK's {@code getAuthorization}, which
	 * takes the query decoded, and expects the same Authorization header.
	 */
	private static void assertAgreesWithSdk(URI uri, SortedMap<String, String> headers, String payloadHash)
			throws Exception {
		String ours = AlibabaSigner.authorization(AK, headers, AlibabaSigner.signature(SECRET,
				AlibabaSigner.canonicalRequest("POST", uri.getRawPath(), uri.getRawQuery(), headers, payloadHash)));
		TeaRequest request = TeaRequest.create();
		request.method = "POST";
		request.pathname = "/";
		request.headers = new LinkedHashMap<>(headers);
		request.query = decode(uri.getRawQuery());
		request.body = new ByteArrayInputStream(new byte[0]);
		String sdk = com.aliyun.openapiutil.Client.getAuthorization(request, AlibabaSigner.ACS3, payloadHash, AK,
				SECRET);
		assertThat(ours).isEqualTo(sdk);
	}

	static Map<String, String> decode(@Nullable String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int eq = pair.indexOf('=');
				query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

}
