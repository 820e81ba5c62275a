package io.deskgraph.connector;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long a vendor answer stays true, which decides how long it is cached.
 *
 * @author DeskGraph
 */
public enum Freshness {

	/** Usage of days the vendor has aggregated (final after 02:00 UTC the next day). */
	FINAL,

	/** Data that still grows: the current day, windows ending now. */
	RECENT,

	/** State that changes any time: desktop status counts, export tasks. */
	LIVE,

	/**
	 * A desktop inventory: names, end users and connection states of every desktop,
	 * drained page by page and kept longer than status counts, as it costs one call per
	 * hundred desktops.
	 */
	INVENTORY,

	/** Never cached: calls that change something at the vendor. */
	NONE;

	/** Hour (UTC) of the next day after which the vendors have aggregated a day. */
	public static final int AGGREGATED_AT_HOUR = 2;

	/**
	 * Freshness of usage for a window ending on a day.
	 * @param lastDay the last day of the window
	 * @param clock the clock
	 * @return {@link #FINAL} once the vendor has aggregated that day, else
	 * {@link #RECENT}
	 */
	public static Freshness ofWindowEnding(LocalDate lastDay, Clock clock) {
		Instant finalAt = lastDay.plusDays(1).atTime(AGGREGATED_AT_HOUR, 0).toInstant(ZoneOffset.UTC);
		return clock.instant().isBefore(finalAt) ? RECENT : FINAL;
	}

}
