package io.deskgraph.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the deterministic synthetic estates of all vendor simulators share: the seeded
 * calendar they are generated and read with, and their desktops, looked up by id and by
 * user.
 * <p>
 * A subclass lays its desktops out in its constructor, drawing from
 * {@link SeededCalendar#layoutRandom()} in a fixed order, and hands them over once with
 * {@link #indexDesktops}. It keeps with each desktop a {@link DesktopProfile}: whatever
 * it needs to compute that desktop's usage later as a pure function of the seed, the
 * desktop and the day.
 *
 * @param <D> the vendor's desktop record
 * @param <P> what the estate keeps about each desktop to compute its usage
 * @author DeskGraph
 */
public abstract class SyntheticEstate<D, P extends SyntheticEstate.DesktopProfile<D>> {

	private final SeededCalendar calendar;

	// Set once by indexDesktops(), at the end of the subclass constructor: Java 17 cannot
	// lay the desktops out before calling this constructor.
	private List<D> desktops = List.of();

	private Map<String, P> profiles = Map.of();

	private SortedMap<String, List<D>> desktopsByUser = Collections.emptySortedMap();

	/**
	 * Creates an estate without desktops; the subclass constructor lays them out and
	 * calls {@link #indexDesktops}.
	 * @param seed the seed; the same seed, size and day give the same estate
	 * @param size the number of desktops
	 * @param clock the simulator clock; the estate is laid out back from its current day,
	 * and it decides which hours have passed
	 * @param zone the zone of the vendor's days
	 */
	protected SyntheticEstate(long seed, int size, Clock clock, ZoneId zone) {
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative");
		}
		this.calendar = new SeededCalendar(seed, clock, zone);
	}

	/**
	 * Returns the simulator clock.
	 * @return the clock
	 */
	public Clock clock() {
		return this.calendar.clock();
	}

	/**
	 * Returns the seed the estate was generated from.
	 * @return the seed
	 */
	public long seed() {
		return this.calendar.seed();
	}

	/**
	 * Returns the current day on the simulator clock, in the estate's day zone.
	 * @return today
	 */
	public LocalDate today() {
		return this.calendar.today();
	}

	/**
	 * Returns the zone of the vendor's days: usage is counted per day of this zone.
	 * @return the zone
	 */
	public ZoneId dayZone() {
		return this.calendar.zone();
	}

	/**
	 * Returns every desktop.
	 * @return the desktops ordered by id
	 */
	public List<D> desktops() {
		return this.desktops;
	}

	/**
	 * Finds a desktop.
	 * @param desktopId the desktop id
	 * @return the desktop, or empty if there is none with that id
	 */
	public Optional<D> desktop(String desktopId) {
		P profile = this.profiles.get(desktopId);
		return (profile != null) ? Optional.of(profile.desktop()) : Optional.empty();
	}

	/**
	 * Returns the desktops assigned to a user.
	 * @param user the user's name or id, as the vendor identifies users
	 * @return the desktops ordered by id, empty for an unknown user
	 */
	public List<D> desktopsOf(String user) {
		return this.desktopsByUser.getOrDefault(user, List.of());
	}

	/**
	 * Returns the calendar the estate is generated and read with.
	 * @return the calendar
	 */
	protected SeededCalendar calendar() {
		return this.calendar;
	}

	/**
	 * Returns every user assigned to at least one desktop.
	 * @return the users in ascending order
	 */
	protected List<String> assignedUsers() {
		return List.copyOf(this.desktopsByUser.keySet());
	}

	/**
	 * Returns what the estate keeps about a desktop.
	 * @param desktopId the desktop id
	 * @return the profile
	 * @throws IllegalArgumentException if there is no desktop with that id
	 */
	protected P profile(String desktopId) {
		P profile = this.profiles.get(desktopId);
		if (profile == null) {
			throw new IllegalArgumentException("No desktop " + desktopId);
		}
		return profile;
	}

	/**
	 * Returns the generator of one decision about a desktop's usage on a day.
	 * @param profile the desktop
	 * @param epochDay the day
	 * @param stream the decision
	 * @return the generator, the same for the same arguments
	 * @see SeededCalendar#random(int, long, int)
	 */
	protected SplittableRandom random(P profile, long epochDay, int stream) {
		return this.calendar.random(profile.index(), epochDay, stream);
	}

	/**
	 * Returns the days on which a desktop can have usage.
	 * @param usage how the desktop is used
	 * @param created when the desktop was created; usage starts the next day
	 * @param idleDays for an idle desktop, how many days before the layout day its idle
	 * streak began
	 * @return the days
	 */
	protected UsageDays usageDays(UsageProfile usage, Instant created, int idleDays) {
		long first = this.calendar.epochDay(created) + 1;
		return switch (usage) {
			case REGULAR -> new UsageDays(first, Long.MAX_VALUE);
			case IDLE -> new UsageDays(first, this.calendar.layoutDay().toEpochDay() - idleDays);
			case NEVER -> UsageDays.NONE;
		};
	}

	/**
	 * Takes the desktops the subclass has laid out; its constructor calls this once,
	 * last.
	 * @param laidOut the profiles of all desktops
	 * @param id the id of a desktop
	 * @param users the users a desktop is assigned to
	 */
	protected final void indexDesktops(Collection<P> laidOut, Function<D, String> id,
			Function<D, ? extends Collection<String>> users) {
		Comparator<D> byId = Comparator.comparing(id);
		List<D> all = new ArrayList<>();
		Map<String, P> byDesktopId = new HashMap<>();
		SortedMap<String, List<D>> byUser = new TreeMap<>();
		for (P profile : laidOut) {
			D desktop = profile.desktop();
			all.add(desktop);
			byDesktopId.put(id.apply(desktop), profile);
			for (String user : users.apply(desktop)) {
				byUser.computeIfAbsent(user, (key) -> new ArrayList<>()).add(desktop);
			}
		}
		all.sort(byId);
		byUser.replaceAll((user, owned) -> owned.stream().sorted(byId).toList());
		this.desktops = List.copyOf(all);
		this.profiles = Map.copyOf(byDesktopId);
		this.desktopsByUser = Collections.unmodifiableSortedMap(byUser);
	}

	/**
	 * How a desktop is used over its life.
	 */
	protected enum UsageProfile {

		/** Used on most working days since the day after it was created. */
		REGULAR,

		/** Used like a regular desktop until an idle streak that lasts to today began. */
		IDLE,

		/** Never used. */
		NEVER

	}

	/**
	 * What an estate keeps about one desktop to compute its usage.
	 *
	 * @param <D> the vendor's desktop record
	 */
	protected interface DesktopProfile<D> {

		/**
		 * Returns the desktop's position in the layout, which seeds its usage.
		 * @return the position, from 0
		 */
		int index();

		/**
		 * Returns the desktop.
		 * @return the desktop
		 */
		D desktop();

		/**
		 * Returns the days on which the desktop can have usage.
		 * @return the days
		 */
		UsageDays days();

	}

	/**
	 * The days on which a desktop can have usage: from the day after it was created up to
	 * the idle streak that lasts to today, if it has one.
	 *
	 * @param first the first such day, as an epoch day
	 * @param idleFrom the first day of the idle streak, {@link Long#MAX_VALUE} for a
	 * desktop that is not idle
	 */
	protected record UsageDays(long first, long idleFrom) {

		/** No day at all, for a desktop that is never used. */
		static final UsageDays NONE = new UsageDays(Long.MAX_VALUE, Long.MAX_VALUE);

		/**
		 * Tells whether the desktop can have usage on a day.
		 * @param epochDay the day
		 * @return {@code true} if it can
		 */
		public boolean contains(long epochDay) {
			return epochDay >= this.first && epochDay < this.idleFrom;
		}

		/**
		 * Tells whether the desktop can have usage on no day at all.
		 * @return {@code true} for a desktop that is never used
		 */
		public boolean isEmpty() {
			return this.first >= this.idleFrom;
		}

	}

}
