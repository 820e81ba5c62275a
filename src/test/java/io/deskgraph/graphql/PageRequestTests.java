package io.deskgraph.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import io.deskgraph.usage.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PageRequest}.
 *
 * @author DeskGraph
 */
class PageRequestTests {

	private static final String QUERY = "desktopUsage|2026-03-01/2026-03-09|DAY";

	@Test
	void firstDefaultsToTwentyFromTheStart() {
		PageRequest request = PageRequest.of(null, null, QUERY);
		assertThat(request.first()).isEqualTo(20).isEqualTo(PageRequest.DEFAULT_FIRST);
		assertThat(request.query()).isEqualTo(QUERY);
		assertThat(request.offsets()).isEmpty();
	}

	@Test
	void firstOfOneAndOfFiveHundredAreAccepted() {
		assertThat(PageRequest.of(1, null, QUERY).first()).isEqualTo(1);
		assertThat(PageRequest.of(500, null, QUERY).first()).isEqualTo(500).isEqualTo(PageRequest.MAX_FIRST);
	}

	@Test
	void firstOfZeroIsRefusedNamingTheLimits() {
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> PageRequest.of(0, null, QUERY))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("first"))
			.withMessage("first: must be between 1 and 500 (default 20); got 0");
	}

	@Test
	void firstOfFiveHundredAndOneIsRefusedNamingTheLimits() {
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> PageRequest.of(501, null, QUERY))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("first"))
			.withMessage("first: must be between 1 and 500 (default 20); got 501");
	}

	@Test
	void offsetsComeFromTheCursor() {
		Map<String, Long> offsets = new LinkedHashMap<>();
		offsets.put("huawei-cn", 40L);
		offsets.put("alibaba-hz", 7L);
		PageRequest request = PageRequest.of(10, CursorCodec.encode(QUERY, offsets), QUERY);
		assertThat(request.first()).isEqualTo(10);
		assertThat(request.offsets()).isEqualTo(offsets);
		assertThat(request.offsetOf("huawei-cn")).isEqualTo(40);
		assertThat(request.offsetOf("alibaba-hz")).isEqualTo(7);
	}

	@Test
	void accountsAbsentFromTheCursorStartAtZero() {
		PageRequest request = PageRequest.of(10, CursorCodec.encode(QUERY, Map.of("huawei-cn", 40L)), QUERY);
		assertThat(request.offsetOf("alibaba-hz")).isZero();
		assertThat(PageRequest.of(10, null, QUERY).offsetOf("huawei-cn")).isZero();
	}

	@Test
	void cursorOfAnotherQueryIsRefusedNamingAfter() {
		String cursor = CursorCodec.encode(QUERY, Map.of("huawei-cn", 40L));
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> PageRequest.of(10, cursor, QUERY + "|HOUR"))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("after"));
	}

}
