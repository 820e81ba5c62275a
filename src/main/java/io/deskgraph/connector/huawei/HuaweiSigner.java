package io.deskgraph.connector.huawei;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;

import io.deskgraph.connector.SignatureSupport;

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
	public static final String EMPTY_PAYLOAD_HASH = SignatureSupport.EMPTY_PAYLOAD_HASH;

	/** Literal used in place of the payload hash when the body is not signed. */
	public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

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
		return SignatureSupport.canonicalRequest(method, canonicalUri(rawPath), canonicalQuery(rawQuery), signedHeaders,
				payloadHash);
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
		return SignatureSupport.hex(SignatureSupport.hmac("HmacSHA256", secretKey, stringToSign));
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
		return SignatureSupport.sha256Hex(bytes);
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
				uri.append(encode(SignatureSupport.decodePathSegment(segment))).append('/');
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
		return SignatureSupport.canonicalQuery(rawQuery);
	}

	/**
	 * Percent-encodes as the SDK does: RFC 3986 unreserved characters stay, the rest
	 * become upper-case {@code %XX}.
	 * @param value the raw value
	 * @return the encoded value
	 */
	public static String encode(String value) {
		return SignatureSupport.percentEncode(value);
	}

	private static String signedHeaderNames(SortedMap<String, String> signedHeaders) {
		return String.join(";", signedHeaders.keySet());
	}

}
