package io.deskgraph.connector;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SortedMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.lang.Nullable;

/**
 * The building blocks both vendors' request signatures share: RFC 3986 percent-encoding,
 * the sorted canonical query string, SHA-256 and HMAC.
 *
 * @author DeskGraph
 */
public final class SignatureSupport {

	/** Hex SHA-256 of the empty body. */
	public static final String EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final HexFormat HEX = HexFormat.of();

	private SignatureSupport() {
	}

	/**
	 * Percent-encodes as the vendor SDKs do: {@code A-Za-z0-9-_.~} stay, everything else
	 * becomes upper-case {@code %XX} (space as {@code %20}).
	 * @param value the raw value
	 * @return the encoded value
	 */
	public static String percentEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	/**
	 * Canonical query: pairs decoded as received, re-encoded and sorted by key (a stable
	 * sort, so a repeated key keeps the order of its values); an empty value keeps its
	 * {@code =}.
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
			pairs.add(Map.entry(percentEncode(URLDecoder.decode(key, StandardCharsets.UTF_8)),
					percentEncode(URLDecoder.decode(value, StandardCharsets.UTF_8))));
		}
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
	 * Decodes one path segment; {@code +} is literal in a path.
	 * @param segment the segment as sent
	 * @return the decoded segment
	 */
	public static String decodePathSegment(String segment) {
		return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
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
	 * Computes an HMAC over UTF-8 text.
	 * @param algorithm {@code HmacSHA256} or {@code HmacSHA1}
	 * @param key the key text
	 * @param data the data text
	 * @return the raw MAC
	 */
	public static byte[] hmac(String algorithm, String key, String data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	/**
	 * Lower-hex encoding.
	 * @param bytes the bytes
	 * @return hex text
	 */
	public static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/**
	 * Assembles a canonical request as both vendors' signature schemes define it: the
	 * method, the canonical URI, the canonical query, a {@code name:value} line per
	 * signed header, the signed header names joined by {@code ;}, and the payload hash,
	 * one per line.
	 * @param method the HTTP method
	 * @param canonicalUri the path as the scheme canonicalizes it
	 * @param canonicalQuery the query as the scheme canonicalizes it
	 * @param signedHeaders lower-case header names mapped to the values to sign
	 * @param payloadHash the hash of the body the scheme signs
	 * @return the canonical request text
	 */
	public static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
			SortedMap<String, String> signedHeaders, String payloadHash) {
		StringBuilder headers = new StringBuilder();
		signedHeaders.forEach((name, value) -> headers.append(name).append(':').append(value).append('\n'));
		return method.toUpperCase(Locale.ROOT) + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + headers + "\n"
				+ String.join(";", signedHeaders.keySet()) + "\n" + payloadHash;
	}

}
