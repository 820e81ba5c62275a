package io.deskgraph.simulator;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The seed and the simulator clock a synthetic estate is generated and read with: UTC day
 * arithmetic, weekends, the hours of a day that have ended, and deterministic randomness
 * per desktop and day.
 * <p>
 * An estate is laid out once, from one generator drawn in a fixed order and relative to
 * the UTC day it is laid out on. Its usage is read later, any number of times and in any
 * order, so each desktop and day draws from its own generator, mixed from the seed, the
 * desktop, the day and a stream number (one stream per independent decision).
 *
 * @author DeskGraph
 */
public final class SeededCalendar {

	/** Seconds in a UTC day. */
	public static final long SECONDS_PER_DAY = 86_400;

	private static final int SECONDS_PER_HOUR = 3600;

	private final long seed;

	private final Clock clock;

	private final LocalDate layoutDay;

	/**
	 * Creates the calendar of an estate laid out now.
	 * @param seed the seed of the estate
	 * @param clock the simulator clock; its current UTC day becomes the layout day
	 */
	public SeededCalendar(long seed, Clock clock) {
		this.seed = seed;
		this.clock = clock;
		this.layoutDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
	 * Returns the current UTC day on the simulator clock.
	 * @return today
	 */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Returns the UTC day the estate was laid out on, which creation times and idle
	 * streaks are counted back from.
	 * @return the layout day
	 */
	public LocalDate layoutDay() {
		return this.layoutDay;
	}

	/**
	 * Returns the start of a day before the layout day.
	 * @param days how many days before the layout day
	 * @return 00:00 UTC of that day
	 */
	public Instant startOfDayBefore(int days) {
		return this.layoutDay.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
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
	 * @param epochDay the UTC day
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
	 * @param epochDay the UTC day
	 * @return 0 to 24
	 */
	public int endedHours(long epochDay) {
		return endedHours(epochDay, this.clock.instant().getEpochSecond());
	}

	/**
	 * Returns how many hours of a day had ended at a moment.
	 * @param epochDay the UTC day
	 * @param asOfEpochSecond the moment
	 * @return 0 to 24
	 */
	public static int endedHours(long epochDay, long asOfEpochSecond) {
		long dayStart = startOfDay(epochDay);
		if (asOfEpochSecond >= dayStart + SECONDS_PER_DAY) {
			return 24;
		}
		if (asOfEpochSecond < dayStart) {
			return 0;
		}
		return (int) ((asOfEpochSecond - dayStart) / SECONDS_PER_HOUR);
	}

	/**
	 * Returns the UTC day of a moment.
	 * @param instant the moment
	 * @return the epoch day
	 */
	public static long epochDay(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
	}

	/**
	 * Returns the start of a UTC day.
	 * @param epochDay the epoch day
	 * @return 00:00 UTC of that day, in epoch seconds
	 */
	public static long startOfDay(long epochDay) {
		return epochDay * SECONDS_PER_DAY;
	}

	/**
	 * Tells whether a UTC day falls on a weekend, when desktops are rarely used.
	 * @param epochDay the epoch day
	 * @return {@code true} on Saturdays and Sundays
	 */
	public static boolean isWeekend(long epochDay) {
		DayOfWeek dayOfWeek = LocalDate.ofEpochDay(epochDay).getDayOfWeek();
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

}
