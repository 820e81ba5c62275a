package io.deskgraph.connector.huawei;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiSigningFilter}.
 *
 * @author DeskGraph
 */
class HuaweiSigningFilterTests {

	private static final String PROJECT_ID = "0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f";

	private static final String AK = "HWTESTAK0000000000AK";

	private static final String SK = "hw-test-secret-key";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	private final BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();

	private DisposableServer server;

	@BeforeEach
	void startServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						HttpHeaders headers = new HttpHeaders();
						request.requestHeaders().forEach((entry) -> headers.add(entry.getKey(), entry.getValue()));
						this.captured.add(new Captured(request.method().name(), request.uri(), headers, body));
						return response.status(200).sendString(Mono.just("{}")).then();
					}))
			.bindNow();
	}

	@AfterEach
	void stopServer() {
		this.server.disposeNow();
	}

	@Test
	void getWithRepeatedKeysAndOddValuesIsSignedAsTheSdkSignsIt() throws InterruptedException {
		URI uri = HuaweiRequest.uri(endpoint(), "v2", PROJECT_ID, "statistics")
			.params("statistics_type", List.of("attach-state", "login-state", "run-state"))
			.params("desktop_type", List.of("DEDICATED", "POOLED"))
			.param("username", "Zoë Müller/ops ~*+")
			.build();
		send(HuaweiSigningFilter.akSk(PROJECT_ID, AK, SK, null, CLOCK), uri, null);
		Captured request = take();
		assertThat(request.headers().getFirst("X-Sdk-Date")).isEqualTo("20261120T101530Z");
		assertThat(request.headers().getFirst("X-Project-Id")).isEqualTo(PROJECT_ID);
		assertThat(request.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + this.server.port());
		assertThat(request.headers().getFirst("X-Auth-Token")).isNull();
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION))
			.contains("SignedHeaders=host;x-project-id;x-sdk-date,")
			.isEqualTo(sdkAuthorization(request, null));
	}

	@Test
	void postBodyHashCoversTheExactBytesSent() throws InterruptedException {
		URI uri = HuaweiRequest.uri(endpoint(), "v2", PROJECT_ID, "desktops", "statistics", "used").build();
		String body = "{\"start_time\":\"2026-11-01\",\"end_time\":\"2026-11-19\",\"desktop_username\":\"Zoë\"}";
		send(HuaweiSigningFilter.akSk(PROJECT_ID, AK, SK, null, CLOCK), uri, body);
		Captured request = take();
		assertThat(request.body()).isEqualTo(body);
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo(sdkAuthorization(request, null));
	}

	@Test
	void temporaryCredentialsSendAndSignTheSecurityToken() throws InterruptedException {
		URI uri = HuaweiRequest.uri(endpoint(), "v2", PROJECT_ID, "export-tasks").param("task_id", "t 1").build();
		send(HuaweiSigningFilter.akSk(PROJECT_ID, AK, SK, "sts-token/+=", CLOCK), uri, null);
		Captured request = take();
		assertThat(request.headers().getFirst("X-Security-Token")).isEqualTo("sts-token/+=");
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION))
			.contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,")
			.isEqualTo(sdkAuthorization(request, "sts-token/+="));
	}

	@Test
	void tokenModeSendsTheIamTokenAndDoesNotSign() throws InterruptedException {
		URI uri = HuaweiRequest.uri(endpoint(), "v2", PROJECT_ID, "statistics").build();
		send(HuaweiSigningFilter.token(PROJECT_ID, "iam-token-value"), uri, null);
		Captured request = take();
		assertThat(request.headers().getFirst("X-Auth-Token")).isEqualTo("iam-token-value");
		assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isNull();
		assertThat(request.headers().getFirst("X-Sdk-Date")).isNull();
	}

	@Test
	void hostNamesTheExplicitPortOnly() {
		assertThat(HuaweiSigningFilter.host(URI.create("https://workspace.cn-north-4.myhuaweicloud.com/v2")))
			.isEqualTo("workspace.cn-north-4.myhuaweicloud.com");
		assertThat(HuaweiSigningFilter.host(URI.create("http://127.0.0.1:18081/v2"))).isEqualTo("127.0.0.1:18081");
	}

	private URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	private void send(HuaweiSigningFilter filter, URI uri, @Nullable String body) {
		WebClient client = WebClient.builder().filter(filter).build();
		WebClient.RequestHeadersSpec<?> spec;
		if (body != null) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			spec = client.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.attribute(HuaweiSigningFilter.BODY_ATTRIBUTE, bytes)
				.bodyValue(bytes);
		}
		else {
			spec = client.get().uri(uri);
		}
		spec.retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
	}

	private Captured take() throws InterruptedException {
		Captured request = this.captured.poll(5, TimeUnit.SECONDS);
		assertThat(request).as("request reached the server").isNotNull();
		return request;
	}

	/**
	 * Recomputes the Authorization header with the official SDK signer over what arrived
	 * on the wire.
	 */
	private static String sdkAuthorization(Captured request, @Nullable String securityToken) {
		URI uri = URI.create("http://" + request.headers().getFirst("Host") + request.uri());
		HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
			.withEndpoint("http://" + request.headers().getFirst("Host"))
			.withPath(URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8))
			.withMethod(HttpMethod.valueOf(request.method()))
			.withContentType("application/json")
			.addHeader("X-Sdk-Date", request.headers().getFirst("X-Sdk-Date"))
			.addHeader("X-Project-Id", request.headers().getFirst("X-Project-Id"));
		decodeQuery(uri.getRawQuery()).forEach(builder::addQueryParam);
		BasicCredentials credentials = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
		if (securityToken != null) {
			builder.addHeader("X-Security-Token", request.headers().getFirst("X-Security-Token"));
			credentials.withSecurityToken(securityToken);
		}
		if (!request.body().isEmpty()) {
			builder.withBodyAsString(request.body());
		}
		return AKSKSigner.getInstance().sign(builder.build(), credentials).get("Authorization");
	}

	private static Map<String, List<String>> decodeQuery(@Nullable String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int eq = pair.indexOf('=');
				query
					.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							(key) -> new ArrayList<>())
					.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	record Captured(String method, String uri, HttpHeaders headers, String body) {

	}

}
