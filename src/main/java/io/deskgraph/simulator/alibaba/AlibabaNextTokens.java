package io.deskgraph.simulator.alibaba;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the simulator's {@code NextToken} values: opaque, self-describing and
 * tamper-proof.
 * <p>
 * A token is URL-safe Base64 (no padding) of a version byte, the action, a fingerprint of
 * the request parameters that define the result set, the offset of the next row, the
 * moment the result set was computed at and the resolved date window, followed by a
 * truncated HMAC-SHA256 under a key derived from the estate seed (so tokens survive a
 * restart with the same seed). A token that was altered, belongs to another action or is
 * sent with other parameters is refused with {@code InvalidParameter.NextToken}. Page
 * sizes ({@code Limit}, {@code MaxResults}) are not part of the fingerprint, so a client
 * may change them between pages.
 *
 * @author DeskGraph
 */
final class AlibabaNextTokens {

	private static final byte VERSION = 1;

	private static final int PAYLOAD_LENGTH = 1 + 1 + 8 + 4 + 8 + 4 + 4;

	private static final int MAC_LENGTH = 12;

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	AlibabaNextTokens(long seed) {
		this.key = new SecretKeySpec(sha256("deskgraph-alibaba-simulator-next-token:" + seed), HMAC);
	}

	/**
	 * Fingerprints the parameters that define a result set.
	 * @param parts the parameter values, {@code null} for absent ones
	 * @return the fingerprint
	 */
	static long fingerprint(String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			joined.append((part != null) ? "=" + part : "-").append('\u0000');
		}
		return ByteBuffer.wrap(sha256(joined.toString())).getLong();
	}

	/**
	 * Issues a token.
	 * @param operation the action the token continues
	 * @param position where the next page starts and what it is computed over
	 * @return the token
	 */
	String encode(AlibabaOperation operation, Position position) {
		ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_LENGTH + MAC_LENGTH);
		buffer.put(VERSION)
			.put((byte) operation.ordinal())
			.putLong(position.fingerprint())
			.putInt(position.offset())
			.putLong(position.asOfEpochSecond())
			.putInt((int) position.startDay())
			.putInt((int) position.endDay());
		buffer.put(mac(Arrays.copyOf(buffer.array(), PAYLOAD_LENGTH)));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * Checks a token and reads it.
	 * @param token the token as received
	 * @param operation the action it was sent to
	 * @param fingerprint the fingerprint of the parameters it was sent with
	 * @return the position it resumes at
	 * @throws AlibabaApiException with {@code InvalidParameter.NextToken} if it is not a
	 * token this simulator issued for that action and those parameters
	 */
	Position decode(String token, AlibabaOperation operation, long fingerprint) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw AlibabaApiException.invalidNextToken();
		}
		if (bytes.length != PAYLOAD_LENGTH + MAC_LENGTH) {
			throw AlibabaApiException.invalidNextToken();
		}
		byte[] payload = Arrays.copyOf(bytes, PAYLOAD_LENGTH);
		byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_LENGTH, bytes.length);
		if (!MessageDigest.isEqual(mac, mac(payload))) {
			throw AlibabaApiException.invalidNextToken();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		byte version = buffer.get();
		byte action = buffer.get();
		long tokenFingerprint = buffer.getLong();
		if (version != VERSION || action != operation.ordinal() || tokenFingerprint != fingerprint) {
			throw AlibabaApiException.invalidNextToken();
		}
		int offset = buffer.getInt();
		long asOf = buffer.getLong();
		long startDay = buffer.getInt();
		long endDay = buffer.getInt();
		if (offset < 0) {
			throw AlibabaApiException.invalidNextToken();
		}
		return new Position(tokenFingerprint, offset, asOf, startDay, endDay);
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			return Arrays.copyOf(mac.doFinal(payload), MAC_LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(HMAC + " is not available", ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Where a page starts and what the result set it belongs to was computed over.
	 *
	 * @param fingerprint the fingerprint of the defining parameters
	 * @param offset the index of the first row of the page
	 * @param asOfEpochSecond the moment the result set is computed at (usage of the
	 * current day grows), 0 when it does not matter
	 * @param startDay the first day of the resolved window as an epoch day, 0 when none
	 * @param endDay the last day of the resolved window as an epoch day, 0 when none
	 */
	record Position(long fingerprint, int offset, long asOfEpochSecond, long startDay, long endDay) {

	}

}
