package io.deskgraph.connector.alibaba;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aliyun.tea.TeaRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaSigningFilter}.
 *
 * @author DeskGraph
 */
class AlibabaSigningFilterTests {

	private static final String AK = "LTAItestAK0000000001";

	private static final String SECRET = "ali-test-secret";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	private final AlibabaStubServer server = new AlibabaStubServer();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void rpcCallIsSignedAsTheSdkSignsIt() throws InterruptedException {
		AlibabaRequest request = AlibabaRequest.of(this.server.endpoint(), "QueryHistoryUsageDurationRank")
			.param("StartDate", "2026-09-01")
			.param("EndDate", "2026-11-19")
			.param("Limit", 200)
			.param("NextToken", "tok+/= ~*")
			.build();
		send(new AlibabaSigningFilter(AK, SECRET, null, CLOCK), request, null);
		AlibabaStubServer.Captured sent = this.server.take();
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.uri()).startsWith("/?StartDate=2026-09-01&");
		assertThat(sent.body()).isEmpty();
		HttpHeaders headers = sent.headers();
		assertThat(headers.getFirst("Host")).isEqualTo("127.0.0.1:" + this.server.port());
		assertThat(headers.getFirst("x-acs-action")).isEqualTo("QueryHistoryUsageDurationRank");
		assertThat(headers.getFirst("x-acs-version")).isEqualTo("2020-09-30");
		assertThat(headers.getFirst("x-acs-date")).isEqualTo("2026-11-20T10:15:30Z");
		assertThat(headers.getFirst("x-acs-signature-nonce")).matches("[0-9a-f]{32}");
		assertThat(headers.getFirst("x-acs-content-sha256")).isEqualTo(AlibabaSigner.EMPTY_PAYLOAD_HASH);
		assertThat(headers.getFirst("x-acs-security-token")).isNull();
		assertThat(headers.getFirst(HttpHeaders.AUTHORIZATION))
			.startsWith("ACS3-HMAC-SHA256 Credential=" + AK + ",SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
					+ "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=")
			.isEqualTo(sdkAuthorization(sent, AlibabaSigner.EMPTY_PAYLOAD_HASH));
	}

	@Test
	void everyRequestGetsAFreshNonce() throws InterruptedException {
		AlibabaSigningFilter filter = new AlibabaSigningFilter(AK, SECRET, null, CLOCK);
		AlibabaRequest request = AlibabaRequest.of(this.server.endpoint(), "DescribeDesktops")
			.param("RegionId", "cn-shanghai")
			.build();
		send(filter, request, null);
		send(filter, request, null);
		assertThat(this.server.take().headers().getFirst("x-acs-signature-nonce"))
			.isNotEqualTo(this.server.take().headers().getFirst("x-acs-signature-nonce"));
	}

	@Test
	void temporaryCredentialsSendAndSignTheSecurityTokenAndAccessKeyId() throws InterruptedException {
		AlibabaRequest request = AlibabaRequest.of(this.server.endpoint(), "DescribeDesktops")
			.param("RegionId", "cn-shanghai")
			.param("MaxResults", 100)
			.list("DesktopId", List.of("ecd-1", "ecd-2"))
			.build();
		send(new AlibabaSigningFilter(AK, SECRET, "CAIS/sts+token==", CLOCK), request, null);
		AlibabaStubServer.Captured sent = this.server.take();
		assertThat(sent.headers().getFirst("x-acs-security-token")).isEqualTo("CAIS/sts+token==");
		assertThat(sent.headers().getFirst("x-acs-accesskey-id")).isEqualTo(AK);
		assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION))
			.contains(",SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;"
					+ "x-acs-security-token;x-acs-signature-nonce;x-acs-version,")
			.isEqualTo(sdkAuthorization(sent, AlibabaSigner.EMPTY_PAYLOAD_HASH));
	}

	@Test
	void formBodyIsHashedAndItsContentTypeSigned() throws InterruptedException {
		AlibabaRequest request = AlibabaRequest.of(this.server.endpoint(), "DescribeDesktops").build();
		String form = "RegionId=cn-shanghai&DesktopName=a%20b";
		send(new AlibabaSigningFilter(AK, SECRET, null, CLOCK), request, form);
		AlibabaStubServer.Captured sent = this.server.take();
		String hash = AlibabaSigner.sha256Hex(form.getBytes(StandardCharsets.UTF_8));
		assertThat(sent.body()).isEqualTo(form);
		assertThat(sent.headers().getFirst("x-acs-content-sha256")).isEqualTo(hash);
		assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION)).contains("SignedHeaders=content-type;host;")
			.isEqualTo(sdkAuthorization(sent, hash));
	}

	@Test
	void hostNamesTheExplicitPortOnly() {
		assertThat(AlibabaSigningFilter.host(URI.create("https://ecd.cn-shanghai.aliyuncs.com/")))
			.isEqualTo("ecd.cn-shanghai.aliyuncs.com");
		assertThat(AlibabaSigningFilter.host(URI.create("http://127.0.0.1:18082/"))).isEqualTo("127.0.0.1:18082");
	}

	@Test
	void toStringHidesTheSecrets() {
		assertThat(new AlibabaSigningFilter(AK, SECRET, "sts-token", CLOCK).toString()).contains(AK)
			.doesNotContain(SECRET)
			.doesNotContain("sts-token");
	}

	private static void send(AlibabaSigningFilter filter, AlibabaRequest request, @Nullable String form) {
		WebClient.RequestBodySpec spec = WebClient.builder()
			.filter(filter)
			.build()
			.post()
			.uri(request.uri())
			.accept(MediaType.APPLICATION_JSON)
			.attribute(AlibabaSigningFilter.ACTION_ATTRIBUTE, request.action());
		if (form != null) {
			byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
			spec.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.attribute(AlibabaSigningFilter.BODY_ATTRIBUTE, bytes)
				.bodyValue(bytes);
		}
		spec.retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
	}

	/**
	 * Recomputes the Authorization header with the official SDK signer over what arrived
	 * on the wire: every header it would sign, and the query decoded.
	 */
	private static String sdkAuthorization(AlibabaStubServer.Captured sent, String payloadHash) {
		Map<String, String> headers = new LinkedHashMap<>();
		sent.headers().forEach((name, values) -> {
			String lower = name.toLowerCase();
			if (lower.equals("host") || lower.equals("content-type") || lower.startsWith("x-acs-")) {
				headers.put(lower, values.get(0));
			}
		});
		TeaRequest request = TeaRequest.create();
		request.method = sent.method();
		request.pathname = "/";
		request.headers = headers;
		int query = sent.uri().indexOf('?');
		request.query = AlibabaSignerTests.decode((query < 0) ? null : sent.uri().substring(query + 1));
		request.body = new ByteArrayInputStream(sent.body().getBytes(StandardCharsets.UTF_8));
		try {
			return com.aliyun.openapiutil.Client.getAuthorization(request, AlibabaSigner.ACS3, payloadHash, AK, SECRET);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
