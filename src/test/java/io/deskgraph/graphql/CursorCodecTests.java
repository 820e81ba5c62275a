package io.deskgraph.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import io.deskgraph.usage.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CursorCodec}.
 *
 * @author DeskGraph
 */
class CursorCodecTests {

	private static final String QUERY = "usageRanking|2026-03-01/2026-03-09|DESKTOP|null|null";

	private static final String NOT_ISSUED = "after: not a cursor DeskGraph issued";

	@Test
	void offsetsRoundTripInAccountOrder() {
		Map<String, Long> offsets = new LinkedHashMap<>();
		offsets.put("huawei-cn", 0L);
		offsets.put("alibaba-hz", 17L);
		offsets.put("huawei-eu", CursorCodec.MAX_OFFSET);
		String cursor = CursorCodec.encode(QUERY, offsets);
		assertThat(CursorCodec.decode(cursor, QUERY)).containsExactly(Map.entry("huawei-cn", 0L),
				Map.entry("alibaba-hz", 17L), Map.entry("huawei-eu", CursorCodec.MAX_OFFSET));
	}

	@Test
	void cursorWithoutOffsetsRoundTrips() {
		assertThat(CursorCodec.decode(CursorCodec.encode(QUERY, Map.of()), QUERY)).isEmpty();
	}

	@Test
	void cursorIsUrlSafeBase64WithoutPadding() {
		String cursor = CursorCodec.encode(QUERY, Map.of("huawei-cn", 42L));
		assertThat(cursor).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void cursorOfAnotherQueryIsRefused() {
		String cursor = CursorCodec.encode(QUERY, Map.of("huawei-cn", 3L));
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> CursorCodec.decode(cursor, QUERY + "|other"))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("after"))
			.withMessageStartingWith("after: the cursor belongs to a query with other arguments");
	}

	@Test
	void tamperedOffsetIsRefused() {
		String cursor = CursorCodec.encode(QUERY, Map.of("huawei-cn", 20L));
		String text = decoded(cursor);
		assertThat(text).contains("huawei-cn=20;");
		String tampered = encoded(text.replace("huawei-cn=20;", "huawei-cn=90;"));
		assertNotIssued(tampered);
	}

	@Test
	void garbageIsRefused() {
		assertNotIssued(encoded("not a cursor at all"));
		assertNotIssued(encoded("dg1|"));
		assertNotIssued(encoded("dg2|0|a=1;0"));
	}

	@Test
	void emptyCursorIsRefused() {
		assertNotIssued("");
	}

	@Test
	void nonBase64CursorIsRefused() {
		assertNotIssued("not base64!");
		assertNotIssued("a+b/c=");
		assertNotIssued("x");
	}

	@Test
	void everyTruncationOfACursorIsRefused() {
		String cursor = CursorCodec.encode(QUERY, Map.of("huawei-cn", 20L, "alibaba-hz", 3L));
		for (int length = 0; length < cursor.length(); length++) {
			assertNotIssued(cursor.substring(0, length));
		}
	}

	@Test
	void forgedCursorBeyondMaxOffsetIsRefused() {
		String forged = forge("huawei-cn=" + (CursorCodec.MAX_OFFSET + 1) + ";");
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> CursorCodec.decode(forged, QUERY))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("after"))
			.withMessage("after: the cursor points 1000001 results into one account's order; "
					+ "DeskGraph pages at most 1000000 results deep into an account; narrow the query instead");
	}

	@Test
	void forgedCursorAtMaxOffsetIsAccepted() {
		String forged = forge("huawei-cn=" + CursorCodec.MAX_OFFSET + ";");
		assertThat(CursorCodec.decode(forged, QUERY)).containsExactly(Map.entry("huawei-cn", CursorCodec.MAX_OFFSET));
	}

	@Test
	void negativeOffsetIsRefused() {
		assertNotIssued(forge("huawei-cn=-1;"));
		assertNotIssued(CursorCodec.encode(QUERY, Map.of("huawei-cn", -5L)));
	}

	@Test
	void offsetWithoutAccountOrNumberIsRefused() {
		assertNotIssued(forge("=5;"));
		assertNotIssued(forge("huawei-cn=five;"));
		assertNotIssued(forge("huawei-cn=99999999999999999999;"));
	}

	private static void assertNotIssued(String cursor) {
		assertThatExceptionOfType(InvalidArgumentException.class).as("cursor '%s'", cursor)
			.isThrownBy(() -> CursorCodec.decode(cursor, QUERY))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("after"))
			.withMessageStartingWith(NOT_ISSUED);
	}

	/**
	 * A cursor for {@link #QUERY} written by hand with both checksums recomputed, as
	 * someone who read the format could.
	 */
	private static String forge(String offsets) {
		String body = "dg1|" + crc(QUERY) + "|" + offsets;
		return encoded(body + crc(body));
	}

	private static String crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return Long.toHexString(crc.getValue());
	}

	private static String decoded(String cursor) {
		return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
	}

	private static String encoded(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
