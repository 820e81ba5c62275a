package io.deskgraph.connector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;

/**
 * Usage seconds summed per day over every day of a range, a day nothing was added to
 * counting as zero.
 *
 * @author DeskGraph
 */
public final class DailyTotals {

	private final Map<LocalDate, Long> seconds = new LinkedHashMap<>();

	/**
	 * Starts every day of a range at zero.
	 * @param range the days
	 */
	public DailyTotals(DateRange range) {
		range.from().datesUntil(range.to().plusDays(1)).forEach((day) -> this.seconds.put(day, 0L));
	}

	/**
	 * Adds usage to a day.
	 * @param day the day
	 * @param seconds the usage in seconds
	 * @return these totals
	 */
	public DailyTotals add(LocalDate day, long seconds) {
		// Only days of the range count: a point outside it belongs to another question,
		// and counting it would break total = sum of points.
		this.seconds.computeIfPresent(day, (key, sum) -> sum + seconds);
		return this;
	}

	/**
	 * The totals as day points.
	 * @return one point per day of the range, in date order, without an hour
	 */
	public List<UsagePoint> points() {
		List<UsagePoint> points = new ArrayList<>(this.seconds.size());
		this.seconds.forEach((day, sum) -> points.add(new UsagePoint(day, null, UsageDuration.ofSeconds(sum))));
		return List.copyOf(points);
	}

}
