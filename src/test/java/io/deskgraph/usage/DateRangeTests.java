package io.deskgraph.usage;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DateRange}.
 *
 * @author DeskGraph
 */
class DateRangeTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	@Test
	void rangeCountsBothEnds() {
		assertThat(new DateRange(DAY, DAY).days()).isEqualTo(1);
		assertThat(new DateRange(DAY.minusDays(30), DAY).days()).isEqualTo(31);
	}

	@Test
	void invertedRangeCannotBeBuilt() {
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> new DateRange(DAY, DAY.minusDays(1)))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("range"))
			.withMessage("range: from (2026-11-20) is after to (2026-11-19); the range is inclusive and from must not "
					+ "be after to");
	}

	@Test
	void rangeWithoutADayCannotBeBuilt() {
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> new DateRange(null, DAY))
			.withMessageStartingWith("range: from and to are both required");
	}

}
