package io.deskgraph.connector.alibaba;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.deskgraph.connector.SignatureSupport;

import org.springframework.lang.Nullable;

/**
 * Computes Alibaba Cloud API signatures exactly as the official SDKs and the POP gateway
 * do: ACS3-HMAC-SHA256 (V3) and the older RPC HMAC-SHA1 query signature (V2), for signing
 * requests and verifying them.
 *
 * @author DeskGraph
 */
public final class AlibabaSigner {

	/** The V3 algorithm name, first word of the Authorization header. */
	public static final String ACS3 = "ACS3-HMAC-SHA256";

	/** Hex SHA-256 of the empty body. */
	public static final String EMPTY_PAYLOAD_HASH = SignatureSupport.EMPTY_PAYLOAD_HASH;

	private AlibabaSigner() {
	}

	/**
	 * Builds the V3 canonical request.
	 * @param method the HTTP method
	 * @param rawPath the path as sent ({@code /} for RPC)
	 * @param rawQuery the query string as sent (percent-encoded), or {@code null}
	 * @param signedHeaders lower-case header names mapped to the values sent (trimmed
	 * here)
	 * @param payloadHash hex SHA-256 of the body
	 * @return the canonical request text
	 */
	public static String canonicalRequest(String method, String rawPath, @Nullable String rawQuery,
			SortedMap<String, String> signedHeaders, String payloadHash) {
		SortedMap<String, String> trimmed = new TreeMap<>();
		signedHeaders.forEach((name, value) -> trimmed.put(name, value.trim()));
		return SignatureSupport.canonicalRequest(method, canonicalUri(rawPath), canonicalQuery(rawQuery), trimmed,
				payloadHash);
	}

	/**
	 * Computes the V3 signature of a canonical request.
	 * @param secret the AccessKey secret
	 * @param canonicalRequest the canonical request
	 * @return lower-hex HMAC-SHA256 of the string to sign
	 */
	public static String signature(String secret, String canonicalRequest) {
		String stringToSign = ACS3 + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		return SignatureSupport.hex(SignatureSupport.hmac("HmacSHA256", secret, stringToSign));
	}

	/**
	 * Formats the V3 Authorization header (no spaces after the commas).
	 * @param accessKeyId the AccessKey id
	 * @param signedHeaders the signed headers
	 * @param signature the signature
	 * @return the header value
	 */
	public static String authorization(String accessKeyId, SortedMap<String, String> signedHeaders, String signature) {
		return ACS3 + " Credential=" + accessKeyId + ",SignedHeaders=" + String.join(";", signedHeaders.keySet())
				+ ",Signature=" + signature;
	}

	/**
	 * Computes the V2 RPC signature over all parameters but {@code Signature}; empty
	 * values are left out, as the SDKs leave them out.
	 * @param method the HTTP method
	 * @param parameters decoded parameter names and values (query and form body)
	 * @param secret the AccessKey secret
	 * @return Base64 HMAC-SHA1 with key {@code secret + "&"}
	 */
	public static String rpcSignature(String method, Map<String, String> parameters, String secret) {
		List<Map.Entry<String, String>> sorted = new ArrayList<>(parameters.entrySet());
		sorted.sort(Map.Entry.comparingByKey());
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, String> parameter : sorted) {
			if ("Signature".equals(parameter.getKey()) || parameter.getValue() == null
					|| parameter.getValue().isEmpty()) {
				continue;
			}
			if (!query.isEmpty()) {
				query.append('&');
			}
			query.append(percentEncode(parameter.getKey())).append('=').append(percentEncode(parameter.getValue()));
		}
		String stringToSign = method.toUpperCase() + "&" + percentEncode("/") + "&" + percentEncode(query.toString());
		return Base64.getEncoder().encodeToString(SignatureSupport.hmac("HmacSHA1", secret + "&", stringToSign));
	}

	/**
	 * Canonical query: pairs decoded, re-encoded and sorted by key; an empty value keeps
	 * its {@code =}.
	 * @param rawQuery the query as sent, or {@code null}
	 * @return the canonical query string
	 */
	public static String canonicalQuery(@Nullable String rawQuery) {
		return SignatureSupport.canonicalQuery(rawQuery);
	}

	/**
	 * Percent-encodes per RFC 3986 as the SDKs do ({@code A-Za-z0-9-_.~} kept, space as
	 * {@code %20}).
	 * @param value the raw value
	 * @return the encoded value
	 */
	public static String percentEncode(String value) {
		return SignatureSupport.percentEncode(value);
	}

	/**
	 * Hashes bytes with SHA-256.
	 * @param bytes the input
	 * @return lower-hex digest
	 */
	public static String sha256Hex(byte[] bytes) {
		return SignatureSupport.sha256Hex(bytes);
	}

	private static String canonicalUri(String rawPath) {
		if (rawPath.isEmpty() || "/".equals(rawPath)) {
			return "/";
		}
		StringBuilder uri = new StringBuilder();
		for (String segment : rawPath.split("/", -1)) {
			if (!uri.isEmpty() || rawPath.startsWith("/")) {
				uri.append('/');
			}
			uri.append(percentEncode(SignatureSupport.decodePathSegment(segment)));
		}
		return uri.toString().replaceFirst("^//", "/");
	}

}
