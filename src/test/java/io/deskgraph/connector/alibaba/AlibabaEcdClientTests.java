package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.Freshness;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import org.springframework.lang.Nullable;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AlibabaEcdClient}: what it sends and how it reads answers and errors.
 *
 * @author DeskGraph
 */
class AlibabaEcdClientTests {

	private static final String SECRET = "ali-test-secret-never-shown";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	private final AlibabaStubServer server = new AlibabaStubServer();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void throttlingAnswerCarriesTheVendorsRetryAfter() {
		this.server.answer((request) -> AlibabaStubServer.Answer
			.json(400, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}")
			.header("x-acs-retry-after", "1500"));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).describeDesktops("cn-shanghai", 100, null, java.util.List.of(),
					Freshness.LIVE))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(io.deskgraph.usage.VendorQuotaException.class,
							(quota) -> assertThat(quota.getRetryAfter()).isEqualTo(java.time.Duration.ofMillis(1500))))
			.verify();
	}

	@Test
	void rankingSendsItsParametersInTheQueryString() throws InterruptedException {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200, "{\"TotalCount\":0}"));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).queryHistoryUsageDurationRank(LocalDate.of(2026, 9, 1),
					LocalDate.of(2026, 11, 19), 1, 200, "token/+=", Freshness.RECENT))
			.assertNext((page) -> assertThat(page.usageDurationList()).isEmpty())
			.verifyComplete();
		AlibabaStubServer.Captured sent = this.server.take();
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.uri())
			.isEqualTo("/?StartDate=2026-09-01&EndDate=2026-11-19&Limit=200&NextToken=token%2F%2B%3D&BizType=1");
		assertThat(sent.headers().getFirst("x-acs-action")).isEqualTo("QueryHistoryUsageDurationRank");
		assertThat(sent.headers().getFirst("Authorization")).startsWith("ACS3-HMAC-SHA256 Credential=LTAItest,");
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).queryHistoryUsageDurationRank(LocalDate.of(2026, 9, 1),
					LocalDate.of(2026, 9, 1), null, 5, null, Freshness.FINAL))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.server.take().uri()).isEqualTo("/?StartDate=2026-09-01&EndDate=2026-09-01&Limit=5");
	}

	@Test
	void describeDesktopsSendsTheRegionAndDesktopIds() throws InterruptedException {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200, "{\"TotalCount\":0}"));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).describeDesktops("cn-shanghai", 100, "n1",
					List.of("ecd-1", "ecd-2"), Freshness.LIVE))
			.expectNextCount(1)
			.verifyComplete();
		AlibabaStubServer.Captured sent = this.server.take();
		assertThat(sent.uri())
			.isEqualTo("/?RegionId=cn-shanghai&MaxResults=100&NextToken=n1&DesktopId.1=ecd-1&DesktopId.2=ecd-2");
		assertThat(sent.headers().getFirst("x-acs-action")).isEqualTo("DescribeDesktops");
	}

	@Test
	void eachRegionsDesktopsAreAskedOfItsOwnEndpointAndTheRankingOfTheAccountsRegion() throws InterruptedException {
		try (AlibabaStubServer hangzhou = new AlibabaStubServer()) {
			this.server.answer((request) -> AlibabaStubServer.Answer.json(200, "{\"TotalCount\":3}"));
			hangzhou.answer((request) -> AlibabaStubServer.Answer.json(200, "{\"TotalCount\":7}"));
			AlibabaEcdClient client = new AlibabaEcdClient(TestUpstream.infrastructure(CLOCK),
					Map.of("cn-shanghai", this.server.endpoint(), "cn-hangzhou", hangzhou.endpoint()), "ali-test",
					"cn-shanghai", new AlibabaSigningFilter("LTAItest", SECRET, null, CLOCK),
					AlibabaProperties.DEFAULTS);
			StepVerifier.create(client.countDesktops("cn-hangzhou", List.of("Running")))
				.expectNext(7L)
				.verifyComplete();
			assertThat(hangzhou.take().uri())
				.isEqualTo("/?RegionId=cn-hangzhou&MaxResults=1&DesktopStatusList.1=Running");
			StepVerifier.create(client.countDesktops("cn-shanghai", List.of())).expectNext(3L).verifyComplete();
			assertThat(this.server.take().uri()).isEqualTo("/?RegionId=cn-shanghai&MaxResults=1");
			StepVerifier
				.create(client.queryHistoryUsageDurationRank(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), null,
						5, null, Freshness.LIVE))
				.expectNextCount(1)
				.verifyComplete();
			assertThat(this.server.take().headers().getFirst("x-acs-action"))
				.isEqualTo("QueryHistoryUsageDurationRank");
			assertThat(hangzhou.requests()).hasSize(1);
			assertThatIllegalArgumentException().isThrownBy(() -> client.countDesktops("cn-beijing", List.of()))
				.withMessageContaining("cn-beijing");
		}
	}

	@ParameterizedTest(name = "HTTP {0} {1} is {2}")
	@CsvSource({ "400, Throttling.User, VendorQuotaException", "400, Throttling, VendorQuotaException",
			"400, Throttling.Api, VendorQuotaException", "429, '', VendorQuotaException",
			"400, SignatureDoesNotMatch, VendorAuthException", "403, SignatureDoesNotMatch, VendorAuthException",
			"400, IncompleteSignature, VendorAuthException", "404, InvalidAccessKeyId.NotFound, VendorAuthException",
			"400, InvalidAccessKeyId.Inactive, VendorAuthException", "400, SignatureNonceUsed, VendorAuthException",
			"400, InvalidTimeStamp.Expired, VendorAuthException", "403, Forbidden.RAM, VendorAuthException",
			"403, Forbidden.RiskControl, VendorAuthException", "401, Unauthorized, VendorAuthException",
			"400, MissingParameter, VendorRejectedException", "400, InvalidParameter, VendorRejectedException",
			"404, InvalidAction.NotFound, VendorRejectedException", "500, InternalError, VendorUnavailableException",
			"503, ServiceUnavailable, VendorUnavailableException", "502, '', VendorUnavailableException" })
	void errorAnswersBecomeTypedExceptions(int status, String code, String expected) {
		String body = code.isEmpty() ? "<html>gateway error</html>"
				: "{\"RequestId\":\"REQ-" + status + "\",\"HostId\":\"ecd.cn-shanghai.aliyuncs.com\",\"Code\":\"" + code
						+ "\",\"Message\":\"the vendor says no\",\"Recommend\":\"https://api.aliyun.com/x\"}";
		this.server.answer((request) -> AlibabaStubServer.Answer.json(status, body));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).describeDesktops("cn-shanghai", 100, null, List.of(),
					Freshness.LIVE))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex.getClass().getSimpleName()).isEqualTo(expected);
				VendorException vendor = (VendorException) ex;
				assertThat(vendor.getVendor()).isEqualTo(Vendor.ALIBABA);
				assertThat(vendor.getAccountId()).isEqualTo("ali-test");
				assertThat(vendor.getHttpStatus()).isEqualTo(status);
				assertThat(vendor.isRetryable())
					.isEqualTo(ex instanceof VendorQuotaException || ex instanceof VendorUnavailableException);
				assertThat(vendor.getMessage()).contains("Alibaba DescribeDesktops for account 'ali-test'",
						"HTTP " + status);
				if (!code.isEmpty()) {
					assertThat(vendor.getUpstreamCode()).isEqualTo(code);
					assertThat(vendor.getUpstreamRequestId()).isEqualTo("REQ-" + status);
					assertThat(vendor.getMessage()).contains(code + ": the vendor says no");
				}
				else {
					assertThat(vendor.getMessage()).contains("<html>gateway error</html>");
				}
				assertThat(vendor.getMessage()).doesNotContain(SECRET);
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void requestIdComesFromTheHeaderWhenTheBodyHasNone() {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(503, "Service Unavailable")
			.header("x-acs-request-id", "HDR-REQ-1"));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).describeDesktops("cn-shanghai", 100, null, List.of(),
					Freshness.LIVE))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorUnavailableException.class);
				assertThat(((VendorException) ex).getUpstreamRequestId()).isEqualTo("HDR-REQ-1");
				assertThat(((VendorException) ex).getUpstreamCode()).isNull();
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void malformedBodyIsUnavailability() {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200, "{\"TotalCount\":3,\"Desktops\":[{\"Des")
			.header("x-acs-request-id", "HDR-REQ-2"));
		StepVerifier
			.create(client(AlibabaProperties.DEFAULTS).describeDesktops("cn-shanghai", 100, null, List.of(),
					Freshness.LIVE))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorUnavailableException.class);
				assertThat(((VendorException) ex).getHttpStatus()).isEqualTo(200);
				assertThat(((VendorException) ex).getUpstreamRequestId()).isEqualTo("HDR-REQ-2");
				assertThat(ex.getMessage()).contains("not a valid DescribeDesktops answer");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void answerSlowerThanTheResponseTimeoutIsUnavailability() {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200, "{}").delayed(Duration.ofMillis(1500)));
		AlibabaProperties impatient = new AlibabaProperties(Duration.ofMillis(300), Duration.ofSeconds(1), 4,
				DataSize.ofMegabytes(16));
		StepVerifier.create(client(impatient).describeDesktops("cn-shanghai", 100, null, List.of(), Freshness.LIVE))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorUnavailableException.class);
				assertThat(((VendorException) ex).getHttpStatus()).isZero();
				assertThat(ex.getMessage()).contains("did not answer within 300 ms");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void answerLargerThanTheLimitIsUnavailability() {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200,
				"{\"TotalCount\":0,\"Padding\":\"" + "x".repeat(4096) + "\"}"));
		AlibabaProperties small = new AlibabaProperties(Duration.ofSeconds(5), Duration.ofSeconds(1), 4,
				DataSize.ofKilobytes(1));
		StepVerifier.create(client(small).describeDesktops("cn-shanghai", 100, null, List.of(), Freshness.LIVE))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(VendorUnavailableException.class)
				.hasMessageContaining("deskgraph.alibaba.max-response-size"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void unreachableEndpointIsUnavailability() {
		int port = this.server.port();
		this.server.close();
		AlibabaEcdClient client = client(AlibabaProperties.DEFAULTS, URI.create("http://127.0.0.1:" + port));
		StepVerifier.create(client.describeDesktops("cn-shanghai", 100, null, List.of(), Freshness.LIVE))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorUnavailableException.class);
				assertThat(ex.getMessage()).contains("could not be reached");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void authCodesAreRecognizedByNameOrPrefix() {
		assertThat(AlibabaEcdClient.isAuthCode("InvalidSecurityToken.Expired")).isTrue();
		assertThat(AlibabaEcdClient.isAuthCode("IllegalTimestamp")).isTrue();
		assertThat(AlibabaEcdClient.isAuthCode("InvalidParameter")).isFalse();
		assertThat(AlibabaEcdClient.isAuthCode(null)).isFalse();
	}

	private AlibabaEcdClient client(AlibabaProperties properties) {
		return client(properties, this.server.endpoint());
	}

	private static AlibabaEcdClient client(AlibabaProperties properties, @Nullable URI endpoint) {
		return new AlibabaEcdClient(TestUpstream.infrastructure(CLOCK), endpoint, "ali-test", "cn-shanghai",
				new AlibabaSigningFilter("LTAItest", SECRET, null, CLOCK), properties);
	}

}
