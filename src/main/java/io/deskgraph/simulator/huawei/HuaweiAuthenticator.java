package io.deskgraph.simulator.huawei;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.deskgraph.connector.huawei.HuaweiSigner;
import io.deskgraph.simulator.SimulatorRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Authenticates requests the way the Huawei API gateway does: an SDK-HMAC-SHA256
 * signature over the received request (optionally with a security token for temporary
 * credentials), or an IAM token in {@code X-Auth-Token}.
 *
 * @author DeskGraph
 */
final class HuaweiAuthenticator {

	/**
	 * The caller name used for quotas when a request authenticates with the IAM token.
	 */
	static final String TOKEN_IDENTITY = "iam-token";

	private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String AUTH_TOKEN = "X-Auth-Token";

	private static final String SDK_DATE_HEADER = "X-Sdk-Date";

	private static final String CONTENT_SHA256 = "X-Sdk-Content-Sha256";

	private static final String SECURITY_TOKEN = "X-Security-Token";

	private final HuaweiSimulatorProperties properties;

	private final Clock clock;

	HuaweiAuthenticator(HuaweiSimulatorProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Authenticates a request.
	 * @param request the request as received
	 * @return the caller: the access key, or {@link #TOKEN_IDENTITY}
	 * @throws HuaweiApiException with {@code APIGW.0301} when authentication fails
	 */
	String authenticate(SimulatorRequest request) {
		HttpHeaders headers = request.headers();
		String token = headers.getFirst(AUTH_TOKEN);
		if (token != null) {
			if (!constantTimeEquals(token, this.properties.iamToken())) {
				throw HuaweiApiException.unauthorized("decrypt token fail");
			}
			return TOKEN_IDENTITY;
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null) {
			throw HuaweiApiException.unauthorized("no Authorization or X-Auth-Token header");
		}
		Map<String, String> parts = parseAuthorization(authorization);
		String accessKey = parts.get("Access");
		if (!accessKey.equals(this.properties.accessKey())) {
			throw HuaweiApiException.unauthorized("Get secretKey failed,ak:" + accessKey + ",err:ak not exist");
		}
		List<String> signedNames = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
		if (!signedNames.contains("host") || !signedNames.contains("x-sdk-date")) {
			throw HuaweiApiException.unauthorized("verify aksk signature fail, host and x-sdk-date must be signed");
		}
		String sdkDate = checkDate(headers.getFirst(SDK_DATE_HEADER));
		SortedMap<String, String> signedHeaders = new TreeMap<>();
		for (String name : signedNames) {
			if (!name.isEmpty()) {
				String value = headers.getFirst(name);
				signedHeaders.put(name, (value != null) ? value : "");
			}
		}
		String payloadHash = HuaweiSigner.UNSIGNED_PAYLOAD.equals(headers.getFirst(CONTENT_SHA256))
				? HuaweiSigner.UNSIGNED_PAYLOAD : HuaweiSigner.sha256Hex(request.body());
		String canonicalRequest = HuaweiSigner.canonicalRequest(request.method(), request.rawPath(), request.rawQuery(),
				signedHeaders, payloadHash);
		String expected = HuaweiSigner.signature(this.properties.secretKey(),
				HuaweiSigner.stringToSign(sdkDate, canonicalRequest));
		if (!constantTimeEquals(expected, parts.get("Signature"))) {
			throw HuaweiApiException.unauthorized("verify aksk signature fail");
		}
		checkSecurityToken(headers.getFirst(SECURITY_TOKEN), signedNames);
		return accessKey;
	}

	private String checkDate(@Nullable String sdkDate) {
		Instant now = this.clock.instant();
		if (sdkDate == null) {
			throw HuaweiApiException.unauthorized("signature expired, X-Sdk-Date is missing");
		}
		try {
			Instant signedAt = SDK_DATE.parse(sdkDate, Instant::from);
			if (Duration.between(signedAt, now).abs().compareTo(this.properties.clockSkew()) > 0) {
				throw HuaweiApiException.unauthorized(
						"signature expired, signature time:" + sdkDate + ",server time:" + SDK_DATE.format(now));
			}
			return sdkDate;
		}
		catch (DateTimeParseException ex) {
			throw HuaweiApiException.unauthorized("signature expired, X-Sdk-Date is not yyyyMMdd'T'HHmmss'Z'");
		}
	}

	private void checkSecurityToken(@Nullable String securityToken, List<String> signedNames) {
		if (securityToken == null) {
			return;
		}
		String expected = this.properties.securityToken();
		if (!signedNames.contains("x-security-token") || expected == null
				|| !constantTimeEquals(securityToken, expected)) {
			throw HuaweiApiException.unauthorized("verify aksk signature fail, invalid security token");
		}
	}

	private static Map<String, String> parseAuthorization(String authorization) {
		String prefix = HuaweiSigner.ALGORITHM + " ";
		if (!authorization.startsWith(prefix)) {
			int space = authorization.indexOf(' ');
			String algorithm = (space < 0) ? authorization : authorization.substring(0, space);
			throw HuaweiApiException
				.unauthorized("verify aksk signature fail, unsupported signing algorithm " + algorithm);
		}
		Map<String, String> parts = new HashMap<>();
		for (String part : authorization.substring(prefix.length()).split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
			}
		}
		for (String required : List.of("Access", "SignedHeaders", "Signature")) {
			if (parts.getOrDefault(required, "").isEmpty()) {
				throw HuaweiApiException
					.unauthorized("verify aksk signature fail, Authorization header has no " + required);
			}
		}
		return parts;
	}

	private static boolean constantTimeEquals(String actual, String expected) {
		return MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

}
