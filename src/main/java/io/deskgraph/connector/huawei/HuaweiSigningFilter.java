package io.deskgraph.connector.huawei;

import java.net.URI;
import java.time.Clock;
import java.util.SortedMap;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Authenticates every Huawei Workspace request, either by signing it with SDK-HMAC-SHA256
 * (AK/SK, optionally with a security token) or by sending an IAM token as
 * {@code X-Auth-Token}.
 * <p>
 * The filter signs the URI exactly as it will be sent, so callers hand WebClient a ready,
 * encoded {@link URI}; a body must be passed as its exact bytes in the
 * {@link #BODY_ATTRIBUTE} request attribute, because the signature covers its hash.
 *
 * @author DeskGraph
 */
final class HuaweiSigningFilter implements ExchangeFilterFunction {

	/** Request attribute holding the exact body bytes ({@code byte[]}) to hash. */
	static final String BODY_ATTRIBUTE = HuaweiSigningFilter.class.getName() + ".body";

	static final String SDK_DATE = "X-Sdk-Date";

	static final String PROJECT_ID = "X-Project-Id";

	static final String SECURITY_TOKEN = "X-Security-Token";

	static final String AUTH_TOKEN = "X-Auth-Token";

	private final String projectId;

	@Nullable
	private final Keys keys;

	@Nullable
	private final String authToken;

	private final Clock clock;

	private HuaweiSigningFilter(String projectId, @Nullable Keys keys, @Nullable String authToken, Clock clock) {
		this.projectId = projectId;
		this.keys = keys;
		this.authToken = authToken;
		this.clock = clock;
	}

	/**
	 * Creates a filter that signs with AK/SK.
	 * @param projectId the project id, sent and signed as {@code X-Project-Id}
	 * @param accessKey the AK
	 * @param secretKey the SK
	 * @param securityToken the security token of temporary credentials, or {@code null}
	 * @param clock the clock {@code X-Sdk-Date} is read from
	 * @return the filter
	 */
	static HuaweiSigningFilter akSk(String projectId, String accessKey, String secretKey,
			@Nullable String securityToken, Clock clock) {
		return new HuaweiSigningFilter(projectId, new Keys(accessKey, secretKey, securityToken), null, clock);
	}

	/**
	 * Creates a filter that sends an IAM token and does not sign.
	 * @param projectId the project id, sent as {@code X-Project-Id}
	 * @param authToken the IAM token
	 * @return the filter
	 */
	static HuaweiSigningFilter token(String projectId, String authToken) {
		return new HuaweiSigningFilter(projectId, null, authToken, Clock.systemUTC());
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(authenticate(request));
	}

	ClientRequest authenticate(ClientRequest request) {
		String token = this.authToken;
		if (token != null) {
			return ClientRequest.from(request).headers((headers) -> {
				headers.set(AUTH_TOKEN, token);
				headers.set(PROJECT_ID, this.projectId);
			}).build();
		}
		Keys keys = this.keys;
		Assert.state(keys != null, "Either an IAM token or AK/SK is required");
		URI url = request.url();
		String host = host(url);
		String sdkDate = HuaweiFormats.SDK_DATE.format(this.clock.instant());
		SortedMap<String, String> signed = new TreeMap<>();
		signed.put("host", host);
		signed.put("x-project-id", this.projectId);
		signed.put("x-sdk-date", sdkDate);
		if (keys.securityToken() != null) {
			signed.put("x-security-token", keys.securityToken());
		}
		byte[] body = (byte[]) request.attribute(BODY_ATTRIBUTE).orElse(null);
		String payloadHash = (body != null) ? HuaweiSigner.sha256Hex(body) : HuaweiSigner.EMPTY_PAYLOAD_HASH;
		String canonical = HuaweiSigner.canonicalRequest(request.method().name(), rawPath(url), url.getRawQuery(),
				signed, payloadHash);
		String signature = HuaweiSigner.signature(keys.secretKey(), HuaweiSigner.stringToSign(sdkDate, canonical));
		String authorization = HuaweiSigner.authorization(keys.accessKey(), signed, signature);
		return ClientRequest.from(request).headers((headers) -> {
			headers.set(HttpHeaders.HOST, host);
			headers.set(PROJECT_ID, this.projectId);
			headers.set(SDK_DATE, sdkDate);
			if (keys.securityToken() != null) {
				headers.set(SECURITY_TOKEN, keys.securityToken());
			}
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}).build();
	}

	/**
	 * The Host value the signature covers: the URL authority with an explicit port.
	 * @param url the request URL
	 * @return host, or host:port when the URL names a port
	 */
	static String host(URI url) {
		String host = url.getHost();
		return (url.getPort() != -1) ? host + ":" + url.getPort() : host;
	}

	private static String rawPath(URI url) {
		String path = url.getRawPath();
		return (path != null && !path.isEmpty()) ? path : "/";
	}

	private record Keys(String accessKey, String secretKey, @Nullable String securityToken) {

		@Override
		public String toString() {
			return "Keys[accessKey=" + this.accessKey + ", secretKey=******]";
		}

	}

}
