package io.deskgraph.usage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of UTC days.
 *
 * @param from the first day
 * @param to the last day
 * @author DeskGraph
 */
public record DateRange(LocalDate from, LocalDate to) {

	/**
	 * Number of days in the range, both ends included.
	 * @return the day count
	 */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

}
