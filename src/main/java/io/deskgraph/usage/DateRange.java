package io.deskgraph.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of UTC days, never inverted: a range whose first day comes after its
 * last is refused when it is built, whether a client sent it or a connector split it.
 *
 * @param from the first day
 * @param to the last day
 * @author DeskGraph
 */
public record DateRange(LocalDate from, LocalDate to) {

	/**
	 * Checks the range.
	 * @throws InvalidArgumentException naming {@code range} if a day is missing or
	 * {@code from} is after {@code to}
	 */
	public DateRange {
		if (from == null || to == null) {
			throw new InvalidArgumentException(ARGUMENT, "from and to are both required days (yyyy-MM-dd)");
		}
		if (from.isAfter(to)) {
			throw new InvalidArgumentException(ARGUMENT, "from (" + from + ") is after to (" + to
					+ "); the range is inclusive and from must not be after to");
		}
	}

	/** The name of the argument a client sends ranges in. */
	public static final String ARGUMENT = "range";

	/**
	 * Number of days in the range, both ends included.
	 * @return the day count
	 */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

}
