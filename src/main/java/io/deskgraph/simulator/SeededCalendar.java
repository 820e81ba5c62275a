package io.deskgraph.simulator;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The seed, the simulator clock and the day zone a synthetic estate is generated and read
 * with: day arithmetic in that zone, weekends, the hours of a day that have ended, and
 * deterministic randomness per desktop and day.
 * <p>
 * An estate is laid out once, from one generator drawn in a fixed order and relative to
 * the day it is laid out on. Its usage is read later, any number of times and in any
 * order, so each desktop and day draws from its own generator, mixed from the seed, the
 * desktop, the day and a stream number (one stream per independent decision). Days are
 * days of the zone (UTC unless the simulator is set otherwise); an epoch day is the
 * zone's {@link LocalDate#toEpochDay()}.
 *
 * @author DeskGraph
 */
public final class SeededCalendar {

	/** Seconds in a day without a daylight-saving change. */
	public static final long SECONDS_PER_DAY = 86_400;

	private static final int SECONDS_PER_HOUR = 3600;

	private final long seed;

	private final Clock clock;

	private final ZoneId zone;

	private final LocalDate layoutDay;

	/**
	 * Creates the calendar of an estate of UTC days laid out now.
	 * @param seed the seed of the estate
	 * @param clock the simulator clock; its current UTC day becomes the layout day
	 */
	public SeededCalendar(long seed, Clock clock) {
		this(seed, clock, ZoneOffset.UTC);
	}

	/**
	 * Creates the calendar of an estate laid out now.
	 * @param seed the seed of the estate
	 * @param clock the simulator clock; its current day in {@code zone} becomes the
	 * layout day
	 * @param zone the zone of the vendor's days
	 */
	public SeededCalendar(long seed, Clock clock, ZoneId zone) {
		this.seed = seed;
		this.clock = clock;
		this.zone = zone;
		this.layoutDay = LocalDate.ofInstant(clock.instant(), zone);
	}

	/**
	 * Returns the seed.
	 * @return the seed
	 */
	public long seed() {
		return this.seed;
	}

	/**
	 * Returns the simulator clock.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Returns the zone of the estate's days.
	 * @return the zone
	 */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Returns the current day on the simulator clock.
	 * @return today
	 */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * Returns the day the estate was laid out on, which creation times and idle streaks
	 * are counted back from.
	 * @return the layout day
	 */
	public LocalDate layoutDay() {
		return this.layoutDay;
	}

	/**
	 * Returns the start of a day before the layout day.
	 * @param days how many days before the layout day
	 * @return 00:00 of that day in the estate's zone
	 */
	public Instant startOfDayBefore(int days) {
		return this.layoutDay.minusDays(days).atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Returns a new generator to lay the estate out with; the same seed gives the same
	 * draws, so the estate comes out the same as long as it draws in the same order.
	 * @return the generator
	 */
	public Random layoutRandom() {
		return new Random(this.seed);
	}

	/**
	 * Returns the generator of one decision about one desktop on one day: the same
	 * arguments always give the same draws, whatever was drawn before.
	 * @param desktop the desktop's position in the layout
	 * @param epochDay the day
	 * @param stream the decision, so that independent decisions draw independently
	 * @return the generator
	 */
	public SplittableRandom random(int desktop, long epochDay, int stream) {
		long mixed = this.seed * 0x9E3779B97F4A7C15L + desktop * 0xC2B2AE3D27D4EB4FL + epochDay * 0x165667B19E3779F9L
				+ stream * 0x27D4EB2F165667C5L;
		return new SplittableRandom(mixed);
	}

	/**
	 * Returns how many hours of a day have ended on the simulator clock; usage in the
	 * other hours does not count yet, which makes today partial and the future empty.
	 * @param epochDay the day
	 * @return 0 to 24
	 */
	public int endedHours(long epochDay) {
		return endedHours(epochDay, this.clock.instant().getEpochSecond());
	}

	/**
	 * Returns how many hours of a day had ended at a moment.
	 * @param epochDay the day
	 * @param asOfEpochSecond the moment
	 * @return 0 to 24
	 */
	public int endedHours(long epochDay, long asOfEpochSecond) {
		long dayStart = startOfDay(epochDay);
		if (asOfEpochSecond >= startOfDay(epochDay + 1)) {
			return 24;
		}
		if (asOfEpochSecond < dayStart) {
			return 0;
		}
		return (int) Math.min(24, (asOfEpochSecond - dayStart) / SECONDS_PER_HOUR);
	}

	/**
	 * Returns the day of a moment.
	 * @param instant the moment
	 * @return the epoch day in the estate's zone
	 */
	public long epochDay(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone).toEpochDay();
	}

	/**
	 * Returns the start of a day.
	 * @param epochDay the epoch day
	 * @return 00:00 of that day in the estate's zone, in epoch seconds
	 */
	public long startOfDay(long epochDay) {
		return LocalDate.ofEpochDay(epochDay).atStartOfDay(this.zone).toEpochSecond();
	}

	/**
	 * Tells whether a day falls on a weekend, when desktops are rarely used.
	 * @param epochDay the epoch day
	 * @return {@code true} on Saturdays and Sundays
	 */
	public static boolean isWeekend(long epochDay) {
		DayOfWeek dayOfWeek = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

}
