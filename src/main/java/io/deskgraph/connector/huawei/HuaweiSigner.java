package io.deskgraph.connector.huawei;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.lang.Nullable;

/**
 * Computes Huawei Cloud SDK-HMAC-SHA256 signatures exactly as the official
 * {@code AKSKSigner} and the API gateway do, for signing requests and verifying them.
 *
 * @author DeskGraph
 */
public final class HuaweiSigner {

	/** The algorithm name that opens the string to sign and the Authorization header. */
	public static final String ALGORITHM = "SDK-HMAC-SHA256";

	/** Hex SHA-256 of the empty body. */
	public static final String EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	/** Literal used in place of the payload hash when the body is not signed. */
	public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private static final HexFormat HEX = HexFormat.of();

	private HuaweiSigner() {
	}

	/**
	 * Builds the canonical request.
	 * @param method the HTTP method
	 * @param rawPath the path as sent on the wire (percent-encoded)
	 * @param rawQuery the query string as sent on the wire, or {@code null}
	 * @param signedHeaders lower-case header names mapped to the exact values sent
	 * @param payloadHash hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
	 * @return the canonical request text
	 */
	public static String canonicalRequest(String method, String rawPath, @Nullable String rawQuery,
			SortedMap<String, String> signedHeaders, String payloadHash) {
		StringBuilder headers = new StringBuilder();
		signedHeaders.forEach((name, value) -> headers.append(name).append(':').append(value).append('\n'));
		return method.toUpperCase() + "\n" + canonicalUri(rawPath) + "\n" + canonicalQuery(rawQuery) + "\n" + headers
				+ "\n" + signedHeaderNames(signedHeaders) + "\n" + payloadHash;
	}

	/**
	 * Builds the string to sign.
	 * @param sdkDate the {@code X-Sdk-Date} value, {@code yyyyMMdd'T'HHmmss'Z'}
	 * @param canonicalRequest the canonical request
	 * @return the string to sign
	 */
	public static String stringToSign(String sdkDate, String canonicalRequest) {
		return ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Signs a string to sign with a secret key.
	 * @param secretKey the SK
	 * @param stringToSign the string to sign
	 * @return the lower-hex HMAC-SHA256
	 */
	public static String signature(String secretKey, String stringToSign) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Formats the Authorization header value.
	 * @param accessKey the AK
	 * @param signedHeaders the signed header names (lower case)
	 * @param signature the signature
	 * @return the header value
	 */
	public static String authorization(String accessKey, SortedMap<String, String> signedHeaders, String signature) {
		return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeaderNames(signedHeaders)
				+ ", Signature=" + signature;
	}

	/**
	 * Hashes bytes with SHA-256.
	 * @param bytes the input
	 * @return lower-hex digest
	 */
	public static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Canonical URI: every segment re-encoded, always ending in {@code /}.
	 * @param rawPath the path as sent
	 * @return the canonical URI
	 */
	public static String canonicalUri(String rawPath) {
		StringBuilder uri = new StringBuilder("/");
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				uri.append(encode(decodePath(segment))).append('/');
			}
		}
		return uri.toString();
	}

	/**
	 * Canonical query: pairs re-encoded and sorted by key; a repeated key keeps the order
	 * of its values.
	 * @param rawQuery the query as sent, or {@code null}
	 * @return the canonical query string
	 */
	public static String canonicalQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			pairs.add(Map.entry(encode(URLDecoder.decode(key, StandardCharsets.UTF_8)),
					encode(URLDecoder.decode(value, StandardCharsets.UTF_8))));
		}
		// A stable sort on the key alone keeps repeated keys in the order they were sent.
		pairs.sort(Comparator.comparing(Map.Entry::getKey));
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, String> pair : pairs) {
			if (!query.isEmpty()) {
				query.append('&');
			}
			query.append(pair.getKey()).append('=').append(pair.getValue());
		}
		return query.toString();
	}

	/**
	 * Percent-encodes as the SDK does: RFC 3986 unreserved characters stay, the rest
	 * become upper-case {@code %XX}.
	 * @param value the raw value
	 * @return the encoded value
	 */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	private static String signedHeaderNames(SortedMap<String, String> signedHeaders) {
		return String.join(";", signedHeaders.keySet());
	}

	private static String decodePath(String segment) {
		// '+' is literal in a path, so protect it from form decoding.
		return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
