package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs every Alibaba Cloud ECD request with ACS3-HMAC-SHA256, the way the official
 * {@code tea-openapi} client signs RPC calls: the {@code x-acs-*} headers, {@code host}
 * and (when present) {@code content-type} are signed, with an STS security token sent and
 * signed as {@code x-acs-security-token} plus {@code x-acs-accesskey-id}.
 * <p>
 * The filter signs the URI exactly as it will be sent, so callers hand WebClient a ready,
 * encoded {@link URI}; the action comes from the {@link #ACTION_ATTRIBUTE} request
 * attribute, and a body, if any, must be passed as its exact bytes in the
 * {@link #BODY_ATTRIBUTE} attribute because the signature covers its hash.
 *
 * @author DeskGraph
 */
final class AlibabaSigningFilter implements ExchangeFilterFunction {

	/** Request attribute holding the action ({@code String}), sent as x-acs-action. */
	static final String ACTION_ATTRIBUTE = AlibabaSigningFilter.class.getName() + ".action";

	/** Request attribute holding the exact body bytes ({@code byte[]}) to hash. */
	static final String BODY_ATTRIBUTE = AlibabaSigningFilter.class.getName() + ".body";

	/** The ECD API version. */
	static final String ECD_VERSION = "2020-09-30";

	static final String ACTION = "x-acs-action";

	static final String VERSION = "x-acs-version";

	static final String DATE = "x-acs-date";

	static final String NONCE = "x-acs-signature-nonce";

	static final String CONTENT_SHA256 = "x-acs-content-sha256";

	static final String SECURITY_TOKEN = "x-acs-security-token";

	static final String ACCESS_KEY_ID = "x-acs-accesskey-id";

	private final String accessKeyId;

	private final String accessKeySecret;

	@Nullable
	private final String securityToken;

	private final String version;

	private final Clock clock;

	private final Supplier<String> nonces;

	/**
	 * Creates a filter signing ECD requests.
	 * @param accessKeyId the AccessKey id
	 * @param accessKeySecret the AccessKey secret
	 * @param securityToken the STS token of temporary credentials, or {@code null}
	 * @param clock the clock {@code x-acs-date} is read from
	 */
	AlibabaSigningFilter(String accessKeyId, String accessKeySecret, @Nullable String securityToken, Clock clock) {
		this(accessKeyId, accessKeySecret, securityToken, ECD_VERSION, clock, AlibabaSigningFilter::randomNonce);
	}

	AlibabaSigningFilter(String accessKeyId, String accessKeySecret, @Nullable String securityToken, String version,
			Clock clock, Supplier<String> nonces) {
		this.accessKeyId = accessKeyId;
		this.accessKeySecret = accessKeySecret;
		this.securityToken = securityToken;
		this.version = version;
		this.clock = clock;
		this.nonces = nonces;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(sign(request));
	}

	ClientRequest sign(ClientRequest request) {
		String action = (String) request.attribute(ACTION_ATTRIBUTE).orElse(null);
		Assert.state(action != null, "An Alibaba request needs its action in the " + ACTION_ATTRIBUTE + " attribute");
		URI url = request.url();
		byte[] body = (byte[]) request.attribute(BODY_ATTRIBUTE).orElse(null);
		String payloadHash = (body != null) ? AlibabaSigner.sha256Hex(body) : AlibabaSigner.EMPTY_PAYLOAD_HASH;
		SortedMap<String, String> signed = new TreeMap<>();
		signed.put("host", host(url));
		signed.put(ACTION, action);
		signed.put(VERSION, this.version);
		signed.put(DATE, AlibabaFormats.ACS_DATE.format(this.clock.instant()));
		signed.put(NONCE, this.nonces.get());
		signed.put(CONTENT_SHA256, payloadHash);
		if (this.securityToken != null) {
			signed.put(SECURITY_TOKEN, this.securityToken);
			signed.put(ACCESS_KEY_ID, this.accessKeyId);
		}
		String contentType = request.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null) {
			signed.put("content-type", contentType);
		}
		String canonical = AlibabaSigner.canonicalRequest(request.method().name(), rawPath(url), url.getRawQuery(),
				signed, payloadHash);
		String authorization = AlibabaSigner.authorization(this.accessKeyId, signed,
				AlibabaSigner.signature(this.accessKeySecret, canonical));
		return ClientRequest.from(request).headers((headers) -> {
			signed.forEach((name, value) -> headers.set(name.equals("host") ? HttpHeaders.HOST : name, value));
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}).build();
	}

	/**
	 * The host value the signature covers: the URL authority with an explicit port.
	 * @param url the request URL
	 * @return host, or host:port when the URL names a port
	 */
	static String host(URI url) {
		String host = url.getHost().toLowerCase(Locale.ROOT);
		return (url.getPort() != -1) ? host + ":" + url.getPort() : host;
	}

	private static String rawPath(URI url) {
		String path = url.getRawPath();
		return (path != null && !path.isEmpty()) ? path : "/";
	}

	private static String randomNonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	@Override
	public String toString() {
		return "AlibabaSigningFilter[accessKeyId=" + this.accessKeyId + ", accessKeySecret=******, securityToken="
				+ ((this.securityToken != null) ? "******" : null) + "]";
	}

}
