package io.deskgraph.simulator.alibaba;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.deskgraph.connector.alibaba.AlibabaSigner;
import io.deskgraph.simulator.SimulatorRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Authenticates requests the way Alibaba's POP gateway does: an ACS3-HMAC-SHA256 (V3)
 * {@code Authorization} header, or else the older HMAC-SHA1 (V2) query signature, each
 * with its time window, a signature nonce that must not be replayed and an optional STS
 * token.
 *
 * @author DeskGraph
 */
final class AlibabaAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(AlibabaAuthenticator.class);

	private static final String ACS_PREFIX = "x-acs-";

	private static final String CONTENT_SHA256 = "x-acs-content-sha256";

	private static final String DATE = "x-acs-date";

	private static final String NONCE = "x-acs-signature-nonce";

	private static final String SECURITY_TOKEN = "x-acs-security-token";

	private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private final AlibabaSimulatorProperties properties;

	private final Clock clock;

	private final Map<String, Long> nonces = new ConcurrentHashMap<>();

	private volatile long nextPurge;

	AlibabaAuthenticator(AlibabaSimulatorProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Authenticates a request.
	 * @param request the request as received
	 * @param parameters its decoded query and form parameters
	 * @return the AccessKey ID of the caller
	 * @throws AlibabaApiException with Alibaba's authentication error when it fails
	 */
	String authenticate(SimulatorRequest request, AlibabaParameters parameters) {
		String authorization = request.headers().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && !authorization.isBlank()) {
			if (!authorization.startsWith(AlibabaSigner.ACS3 + " ")) {
				throw AlibabaApiException.incompleteSignature("Only " + AlibabaSigner.ACS3
						+ " is accepted in the Authorization header, or the HMAC-SHA1 query signature without it.");
			}
			return authenticateV3(request, authorization);
		}
		if (parameters.get("Signature") != null) {
			return authenticateV2(request, parameters);
		}
		throw AlibabaApiException
			.incompleteSignature("The request carries neither an Authorization header nor a Signature parameter.");
	}

	/** Forgets every nonce seen. */
	void reset() {
		this.nonces.clear();
	}

	private String authenticateV3(SimulatorRequest request, String authorization) {
		HttpHeaders headers = request.headers();
		Map<String, String> parts = parseAuthorization(authorization);
		String accessKeyId = parts.get("Credential");
		checkAccessKey(accessKeyId);
		List<String> signedNames = List.of(parts.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
		if (!signedNames.contains("host")) {
			throw AlibabaApiException.incompleteSignature("SignedHeaders must include host.");
		}
		for (String name : headers.keySet()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith(ACS_PREFIX) && !signedNames.contains(lower)) {
				throw AlibabaApiException
					.incompleteSignature("SignedHeaders must include every x-acs-* header sent; " + lower + " is not.");
			}
		}
		String payloadHash = headers.getFirst(CONTENT_SHA256);
		if (payloadHash == null) {
			throw AlibabaApiException.incompleteSignature("The x-acs-content-sha256 header is missing.");
		}
		if (!payloadHash.trim().equalsIgnoreCase(AlibabaSigner.sha256Hex(request.body()))) {
			throw AlibabaApiException.contentHashDoesNotMatch();
		}
		checkTime(headers.getFirst(DATE), DATE);
		SortedMap<String, String> signedHeaders = new TreeMap<>();
		for (String name : signedNames) {
			if (!name.isEmpty()) {
				List<String> values = headers.get(name);
				signedHeaders.put(name, (values != null) ? String.join(",", values) : "");
			}
		}
		String canonicalRequest = AlibabaSigner.canonicalRequest(request.method(), request.rawPath(),
				request.rawQuery(), signedHeaders, payloadHash.trim());
		String expected = AlibabaSigner.signature(this.properties.accessKeySecret(), canonicalRequest);
		if (!constantTimeEquals(expected, parts.get("Signature"))) {
			logger.debug("Alibaba simulator rejects a V3 signature; canonical request:\n{}", canonicalRequest);
			throw AlibabaApiException.signatureDoesNotMatch(AlibabaSigner.ACS3 + "\n"
					+ AlibabaSigner.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		}
		checkSecurityToken(headers.getFirst(SECURITY_TOKEN));
		checkNonce(accessKeyId, headers.getFirst(NONCE));
		return accessKeyId;
	}

	private String authenticateV2(SimulatorRequest request, AlibabaParameters parameters) {
		String method = parameters.get("SignatureMethod");
		if (!"HMAC-SHA1".equals(method)) {
			throw AlibabaApiException
				.incompleteSignature("SignatureMethod must be HMAC-SHA1 for the query signature, not " + method + ".");
		}
		String version = parameters.get("SignatureVersion");
		if (version != null && !version.equals("1.0")) {
			throw AlibabaApiException.incompleteSignature("SignatureVersion must be 1.0, not " + version + ".");
		}
		String accessKeyId = parameters.get("AccessKeyId");
		if (accessKeyId == null) {
			throw AlibabaApiException.incompleteSignature("The AccessKeyId parameter is missing.");
		}
		checkAccessKey(accessKeyId);
		checkTime(parameters.get("Timestamp"), "Timestamp");
		// The SDKs leave parameters with empty values out of the string to sign.
		Map<String, String> signed = new LinkedHashMap<>();
		parameters.all().forEach((name, value) -> {
			if (!value.isEmpty() && !name.equals("Signature")) {
				signed.put(name, value);
			}
		});
		String expected = AlibabaSigner.rpcSignature(request.method(), signed, this.properties.accessKeySecret());
		if (!constantTimeEquals(expected, parameters.all().get("Signature"))) {
			throw AlibabaApiException.signatureDoesNotMatch(rpcStringToSign(request.method(), signed));
		}
		checkSecurityToken(parameters.get("SecurityToken"));
		checkNonce(accessKeyId, parameters.get("SignatureNonce"));
		return accessKeyId;
	}

	private void checkAccessKey(String accessKeyId) {
		if (!constantTimeEquals(accessKeyId, this.properties.accessKeyId())) {
			throw AlibabaApiException.accessKeyNotFound();
		}
	}

	private void checkTime(@Nullable String value, String name) {
		if (value == null || !ISO_SECONDS.matcher(value.trim()).matches()) {
			throw AlibabaApiException.timestampFormat(name + " must be given as yyyy-MM-ddTHH:mm:ssZ in UTC.");
		}
		Instant signedAt;
		try {
			signedAt = Instant.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw AlibabaApiException.timestampFormat(name + " " + value + " is not a valid time.");
		}
		Instant now = this.clock.instant();
		if (Duration.between(signedAt, now).abs().compareTo(this.properties.clockSkew()) > 0) {
			throw AlibabaApiException
				.timestampExpired(name + " " + value + " is more than " + this.properties.clockSkew().toMinutes()
						+ " minutes away from the server time " + now.truncatedTo(ChronoUnit.SECONDS) + ".");
		}
	}

	private void checkSecurityToken(@Nullable String securityToken) {
		if (securityToken == null) {
			return;
		}
		String expected = this.properties.securityToken();
		if (expected == null || !constantTimeEquals(securityToken, expected)) {
			throw AlibabaApiException.securityTokenMismatch();
		}
	}

	private void checkNonce(String accessKeyId, @Nullable String nonce) {
		if (nonce == null || nonce.isBlank()) {
			throw AlibabaApiException.missingNonce();
		}
		long now = this.clock.millis();
		purgeExpired(now);
		long expiry = now + this.properties.nonceRetention().toMillis();
		String key = accessKeyId + ':' + nonce;
		Long previous = this.nonces.putIfAbsent(key, expiry);
		if (previous != null) {
			if (previous > now) {
				throw AlibabaApiException.nonceUsed();
			}
			this.nonces.put(key, expiry);
		}
	}

	private void purgeExpired(long now) {
		if (now < this.nextPurge) {
			return;
		}
		this.nextPurge = now + PURGE_INTERVAL.toMillis();
		this.nonces.values().removeIf((expiry) -> expiry <= now);
	}

	private static String rpcStringToSign(String method, Map<String, String> signed) {
		List<String> names = new ArrayList<>(signed.keySet());
		names.sort(null);
		StringBuilder query = new StringBuilder();
		for (String name : names) {
			if (!query.isEmpty()) {
				query.append('&');
			}
			query.append(AlibabaSigner.percentEncode(name))
				.append('=')
				.append(AlibabaSigner.percentEncode(signed.get(name)));
		}
		return method.toUpperCase(Locale.ROOT) + "&" + AlibabaSigner.percentEncode("/") + "&"
				+ AlibabaSigner.percentEncode(query.toString());
	}

	private static Map<String, String> parseAuthorization(String authorization) {
		Map<String, String> parts = new HashMap<>();
		for (String part : authorization.substring(AlibabaSigner.ACS3.length() + 1).split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
			}
		}
		for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
			if (parts.getOrDefault(required, "").isEmpty()) {
				throw AlibabaApiException.incompleteSignature("The Authorization header has no " + required + ".");
			}
		}
		return parts;
	}

	private static boolean constantTimeEquals(@Nullable String actual, String expected) {
		return actual != null && MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

}
