package io.deskgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import io.deskgraph.usage.InvalidArgumentException;

/**
 * Encodes the position of a merged page (one offset per account) and the query it belongs
 * to as an opaque Base64 cursor, and rejects cursors that were altered or belong to
 * another query.
 *
 * @author DeskGraph
 */
final class CursorCodec {

	/**
	 * The furthest a cursor may point into one account's own order; the checksum only
	 * catches accidents, so a forged cursor must not be able to ask for more.
	 */
	static final long MAX_OFFSET = 1_000_000;

	private static final String VERSION = "dg1";

	private CursorCodec() {
	}

	/**
	 * Encodes a position.
	 * @param query fingerprint of the query the cursor belongs to
	 * @param offsets offset reached in each account's own order
	 * @return the opaque cursor
	 */
	static String encode(String query, Map<String, Long> offsets) {
		StringBuilder body = new StringBuilder(VERSION).append('|').append(crc(query)).append('|');
		offsets.forEach((account, offset) -> body.append(account).append('=').append(offset).append(';'));
		String text = body.toString();
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((text + crc(text)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor issued for the same query.
	 * @param cursor the cursor a client sent as {@code after}
	 * @param query fingerprint of the query being asked
	 * @return offset per account
	 * @throws InvalidArgumentException if the cursor is not one DeskGraph issued for this
	 * query
	 */
	static Map<String, Long> decode(String cursor, String query) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		int checksumStart = text.lastIndexOf(';') + 1;
		if (checksumStart == 0) {
			checksumStart = text.lastIndexOf('|') + 1;
		}
		String body = text.substring(0, checksumStart);
		if (!text.startsWith(VERSION + "|") || !text.substring(checksumStart).equals(crc(body))) {
			throw invalid();
		}
		String[] parts = body.split("\\|", -1);
		if (parts.length != 3) {
			throw invalid();
		}
		if (!parts[1].equals(crc(query))) {
			throw new InvalidArgumentException("after",
					"the cursor belongs to a query with other arguments; page with the same arguments or start again without after");
		}
		Map<String, Long> offsets = new LinkedHashMap<>();
		for (String pair : parts[2].split(";")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.lastIndexOf('=');
			try {
				long offset = Long.parseLong(pair.substring(eq + 1));
				if (eq <= 0 || offset < 0) {
					throw invalid();
				}
				if (offset > MAX_OFFSET) {
					throw new InvalidArgumentException("after",
							"the cursor points " + offset
									+ " results into one account's order; DeskGraph pages at most " + MAX_OFFSET
									+ " results deep into an account; narrow the query instead");
				}
				offsets.put(pair.substring(0, eq), offset);
			}
			catch (NumberFormatException ex) {
				throw invalid();
			}
		}
		return offsets;
	}

	private static InvalidArgumentException invalid() {
		return new InvalidArgumentException("after",
				"not a cursor DeskGraph issued; pass an endCursor or edge cursor from a previous page unchanged");
	}

	private static String crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}

}
