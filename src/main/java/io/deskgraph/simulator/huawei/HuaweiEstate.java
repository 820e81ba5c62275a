package io.deskgraph.simulator.huawei;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

import io.deskgraph.simulator.SeededCalendar;
import io.deskgraph.simulator.SyntheticEstate;
import io.deskgraph.simulator.huawei.HuaweiDesktop.AttachState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.DesktopType;
import io.deskgraph.simulator.huawei.HuaweiDesktop.LoginState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;

/**
 * The deterministic synthetic estate behind the Huawei simulator: desktops, pools, users
 * and per-hour usage, generated from a seed and read by every simulated API so that all
 * of them agree.
 * <p>
 * Usage is a pure function of the seed, the desktop and the day (of the estate's day
 * zone, UTC by default), in whole units of {@value #USAGE_UNIT_SECONDS} seconds (0.01 h)
 * per hour, so daily and hourly totals print exactly with two decimals. Hours that have
 * not ended yet on the simulator clock count as unused, which makes the current day
 * partial and the future empty. Desktop creation times and idle streaks are laid out
 * relative to the day the estate was built.
 *
 * @author DeskGraph
 */
public final class HuaweiEstate extends SyntheticEstate<HuaweiDesktop, HuaweiEstate.Profile> {

	/** The granularity of generated usage, 0.01 hour. */
	public static final int USAGE_UNIT_SECONDS = 36;

	private static final int UNITS_PER_HOUR = 3600 / USAGE_UNIT_SECONDS;

	/** The enterprise project every Huawei account has. */
	public static final String DEFAULT_ENTERPRISE_PROJECT = "0";

	// The random stream of a desktop's enterprise project, apart from its usage streams.
	private static final int ENTERPRISE_PROJECT_STREAM = 97;

	private static final String[] DEPARTMENTS = { "fin", "hr", "dev", "ops", "mkt", "sales", "eng", "it", "legal",
			"sup" };

	private static final String[] POOL_NAMES = { "pool-dev-shared", "pool-call-center", "pool-training", "pool-design",
			"pool-lab" };

	// The first desktops get fixed states so that every state exists in any estate of at
	// least this size.
	private static final List<States> FIXED_STATES = List.of(
			new States(AttachState.ATTACHED, RunState.ACTIVE, LoginState.IN_USE, UsageProfile.REGULAR),
			new States(AttachState.ATTACHED, RunState.STOPPED, LoginState.STOPPED, UsageProfile.REGULAR),
			new States(AttachState.ATTACHED, RunState.HIBERNATED, LoginState.STOPPED, UsageProfile.REGULAR),
			new States(AttachState.ATTACHED, RunState.ERROR, LoginState.UNABLE_TO_CONNECT, UsageProfile.IDLE),
			new States(AttachState.UNATTACHED, RunState.ACTIVE, LoginState.READY, UsageProfile.NEVER),
			new States(AttachState.ATTACHING, RunState.ACTIVE, LoginState.UNREGISTERED, UsageProfile.NEVER),
			new States(AttachState.ATTACH_ERROR, RunState.ERROR, LoginState.UNABLE_TO_CONNECT, UsageProfile.NEVER),
			new States(AttachState.ATTACHED, RunState.ACTIVE, LoginState.DISCONNECTED, UsageProfile.REGULAR),
			new States(AttachState.ATTACHED, RunState.ACTIVE, LoginState.READY, UsageProfile.NEVER));

	/** Hour of the next day the service aggregates a day at when none is set. */
	public static final int DEFAULT_AGGREGATION_HOUR = 2;

	// Flavors of the simulated products: id suffix, flavor, vCPUs, memory in GB.
	private static final Object[][] FLAVORS = { { "large2", "s6.large.2", 2, 4 }, { "xlarge2", "s6.xlarge.2", 4, 8 },
			{ "2xlarge2", "s6.2xlarge.2", 8, 16 } };

	private static final String[] ZONES = { "a", "b", "c" };

	private final List<HuaweiPool> pools;

	private final List<String> enterpriseProjects;

	private final int aggregationHour;

	/**
	 * Builds an estate of UTC days aggregated at 02:00 UTC.
	 * @param seed the seed; the same seed, size and day give the same estate
	 * @param size the number of desktops
	 * @param clock the simulator clock; creation times are laid out back from its current
	 * day, and it decides which hours have passed and which days are aggregated
	 */
	public HuaweiEstate(long seed, int size, Clock clock) {
		this(seed, size, clock, ZoneOffset.UTC, DEFAULT_AGGREGATION_HOUR);
	}

	/**
	 * Builds the estate.
	 * @param seed the seed; the same seed, size and day give the same estate
	 * @param size the number of desktops
	 * @param clock the simulator clock; creation times are laid out back from its current
	 * day, and it decides which hours have passed and which days are aggregated
	 * @param zone the zone of the service's days: usage is split and aggregated per day
	 * of this zone
	 * @param aggregationHour the hour of {@code zone} on the next day at which a day is
	 * aggregated for the metric APIs (0 to 23)
	 */
	public HuaweiEstate(long seed, int size, Clock clock, ZoneId zone, int aggregationHour) {
		super(seed, size, clock, zone);
		if (aggregationHour < 0 || aggregationHour > 23) {
			throw new IllegalArgumentException("aggregation hour must be 0 to 23; got " + aggregationHour);
		}
		this.aggregationHour = aggregationHour;
		// From a generator of their own, so the layout draws as it did before estates had
		// enterprise projects.
		Random projectRandom = new Random(seed ^ 0x5EED_E9F0L);
		this.enterpriseProjects = List.of(DEFAULT_ENTERPRISE_PROJECT, uuid(projectRandom), uuid(projectRandom));
		Map<String, String> userProjects = new HashMap<>();
		Random random = calendar().layoutRandom();
		List<HuaweiPool> generatedPools = new ArrayList<>();
		int poolCount = 3 + random.nextInt(3);
		for (int i = 0; i < poolCount; i++) {
			generatedPools.add(new HuaweiPool(uuid(random), POOL_NAMES[i]));
		}
		this.pools = List.copyOf(generatedPools);
		List<Profile> generated = new ArrayList<>();
		// The user of the last attached desktop while they have only that one: the next
		// attached desktop may become their second.
		String singleDesktopUser = null;
		int users = 0;
		int pooled = 0;
		for (int index = 0; index < size; index++) {
			String id = uuid(random);
			String name = "wks-" + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] + "-" + "%04d".formatted(index + 1);
			Instant created = creationTime(random);
			boolean isPooled = random.nextInt(100) < 30;
			String poolId = null;
			if (isPooled) {
				// Fill every pool once before choosing at random.
				poolId = this.pools.get((pooled < poolCount) ? pooled : random.nextInt(poolCount)).id();
				pooled++;
			}
			States states = (index < FIXED_STATES.size()) ? FIXED_STATES.get(index) : randomStates(random);
			String user = null;
			if (states.attach() == AttachState.ATTACHED) {
				if (singleDesktopUser != null && (index == FIXED_STATES.size() - 2 || random.nextInt(100) < 12)) {
					user = singleDesktopUser;
					singleDesktopUser = null;
				}
				else {
					users++;
					user = "user%04d".formatted(users);
					singleDesktopUser = user;
				}
			}
			String drawn = this.enterpriseProjects
				.get(calendar().random(index, 0, ENTERPRISE_PROJECT_STREAM).nextInt(this.enterpriseProjects.size()));
			// A user's desktops share the project of the first one.
			String project = (user != null) ? userProjects.computeIfAbsent(user, (key) -> drawn) : drawn;
			HuaweiDesktop desktop = new HuaweiDesktop(id, name, isPooled ? DesktopType.POOLED : DesktopType.DEDICATED,
					poolId, created, states.attach(), states.run(), states.login(), user, project);
			generated.add(profile(index, desktop, states.usage(), random));
		}
		indexDesktops(generated, HuaweiDesktop::id,
				(desktop) -> (desktop.userName() != null) ? List.of(desktop.userName()) : List.of());
	}

	/**
	 * Returns the enterprise projects desktops belong to: the default project {@code "0"}
	 * and two others.
	 * @return the project ids
	 */
	public List<String> enterpriseProjects() {
		return this.enterpriseProjects;
	}

	/**
	 * Returns every desktop pool.
	 * @return the pools
	 */
	public List<HuaweiPool> pools() {
		return this.pools;
	}

	/**
	 * Finds a desktop pool.
	 * @param poolId the pool id
	 * @return the pool, or empty
	 */
	public Optional<HuaweiPool> pool(String poolId) {
		return this.pools.stream().filter((pool) -> pool.id().equals(poolId)).findFirst();
	}

	/**
	 * Returns what the desktop detail listing says of a desktop beyond its states: its
	 * zone, product and billing. Drawn from its own generator (seed and place in the
	 * layout), so adding it changed nothing else of the estate; the first two desktops
	 * are one subscription and one on-demand desktop so that an estate of any size has
	 * both.
	 * @param desktopId the desktop id
	 * @return the product
	 * @throws IllegalArgumentException if there is no desktop with that id
	 */
	public HuaweiDesktopProduct product(String desktopId) {
		Profile profile = profile(desktopId);
		SplittableRandom random = new SplittableRandom(seed() * 0x9E3779B97F4A7C15L + profile.index());
		Object[] flavor = FLAVORS[random.nextInt(FLAVORS.length)];
		String zone = HuaweiDemoAccount.REGION + ZONES[random.nextInt(ZONES.length)];
		boolean subscription = switch (profile.index()) {
			case 0 -> true;
			case 1 -> false;
			default -> random.nextInt(100) < 70;
		};
		String orderId = subscription
				? "CS%010dSIM%04d".formatted(Math.abs(random.nextLong() % 10_000_000_000L), profile.index() % 10_000)
				: null;
		return new HuaweiDesktopProduct(zone, "workspace.x86.general." + flavor[0], (String) flavor[1],
				(Integer) flavor[2], (Integer) flavor[3],
				subscription ? HuaweiDesktopProduct.SUBSCRIPTION : HuaweiDesktopProduct.ON_DEMAND, orderId,
				// The desktop's own project, the one its metrics name: a desktop is in
				// one
				// enterprise project whichever API lists it.
				profile.desktop().enterpriseProjectId());
	}

	/**
	 * Returns the names of all users, each assigned to one or two desktops.
	 * @return the user names in ascending order
	 */
	public List<String> users() {
		return assignedUsers();
	}

	/**
	 * Returns the usage of a desktop on a day, counting only hours that have ended.
	 * @param desktopId the desktop id
	 * @param day the day
	 * @return the seconds in use, a multiple of {@value #USAGE_UNIT_SECONDS}
	 */
	public long usageSeconds(String desktopId, LocalDate day) {
		Profile profile = profile(desktopId);
		long epochDay = day.toEpochDay();
		int endedHours = calendar().endedHours(epochDay);
		if (endedHours == 24) {
			return (long) dayUnits(profile, epochDay) * USAGE_UNIT_SECONDS;
		}
		int[] hours = hourUnits(profile, epochDay);
		long units = 0;
		for (int hour = 0; hour < endedHours; hour++) {
			units += hours[hour];
		}
		return units * USAGE_UNIT_SECONDS;
	}

	/**
	 * Returns the usage of a desktop in one hour, zero if that hour has not ended.
	 * @param desktopId the desktop id
	 * @param day the day
	 * @param hour the hour of the day, 0 to 23
	 * @return the seconds in use, a multiple of {@value #USAGE_UNIT_SECONDS}
	 */
	public long usageSeconds(String desktopId, LocalDate day, int hour) {
		if (hour < 0 || hour > 23) {
			throw new IllegalArgumentException("hour must be between 0 and 23");
		}
		long epochDay = day.toEpochDay();
		if (hour >= calendar().endedHours(epochDay)) {
			return 0;
		}
		return (long) hourUnits(profile(desktopId), epochDay)[hour] * USAGE_UNIT_SECONDS;
	}

	/**
	 * Returns the usage of a desktop in each hour of a day, zero for hours that have not
	 * ended.
	 * @param desktopId the desktop id
	 * @param day the day
	 * @return 24 values in seconds, each a multiple of {@value #USAGE_UNIT_SECONDS}
	 */
	public long[] usageSecondsByHour(String desktopId, LocalDate day) {
		long epochDay = day.toEpochDay();
		int[] units = hourUnits(profile(desktopId), epochDay);
		int ended = calendar().endedHours(epochDay);
		long[] seconds = new long[24];
		for (int hour = 0; hour < ended; hour++) {
			seconds[hour] = (long) units[hour] * USAGE_UNIT_SECONDS;
		}
		return seconds;
	}

	/**
	 * Returns the successful logins of a desktop's user on a day: one per session, a
	 * session being a run of hours in use.
	 * @param desktopId the desktop id
	 * @param day the day
	 * @return the number of successful logins
	 */
	public int loginSuccesses(String desktopId, LocalDate day) {
		int[] hours = hourUnits(profile(desktopId), day.toEpochDay());
		int sessions = 0;
		for (int hour = 0; hour < 24; hour++) {
			if (hours[hour] > 0 && (hour == 0 || hours[hour - 1] == 0)) {
				sessions++;
			}
		}
		return sessions;
	}

	/**
	 * Returns the failed logins of a desktop's user on a day.
	 * @param desktopId the desktop id
	 * @param day the day
	 * @return the number of failed logins, 0 or 1
	 */
	public int loginFailures(String desktopId, LocalDate day) {
		Profile profile = profile(desktopId);
		long epochDay = day.toEpochDay();
		if (!profile.days().contains(epochDay) || epochDay > today().toEpochDay()) {
			return 0;
		}
		return (random(profile, epochDay, 3).nextInt(100) < 4) ? 1 : 0;
	}

	/**
	 * Tells whether a desktop was in use at any moment of a period (hours that have not
	 * ended count as unused).
	 * @param desktopId the desktop id
	 * @param start the start of the period, inclusive
	 * @param end the end of the period, exclusive
	 * @return {@code true} if some usage overlaps the period
	 */
	public boolean usedBetween(String desktopId, Instant start, Instant end) {
		Profile profile = profile(desktopId);
		if (profile.days().isEmpty()) {
			return false;
		}
		long first = Math.max(calendar().epochDay(start), profile.days().first());
		long last = Math.min(calendar().epochDay(end), profile.days().idleFrom() - 1);
		for (long epochDay = first; epochDay <= last; epochDay++) {
			for (Session session : sessions(profile, epochDay)) {
				if (session.start().isBefore(end) && session.end().isAfter(start)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Returns when the desktop's last session before a moment ended.
	 * @param desktopId the desktop id
	 * @param before the moment
	 * @return the end of the last session that ended at or before that moment, or empty
	 * if the desktop was never used before it
	 */
	public Optional<Instant> lastDisconnect(String desktopId, Instant before) {
		Profile profile = profile(desktopId);
		if (profile.days().isEmpty()) {
			return Optional.empty();
		}
		long last = Math.min(calendar().epochDay(before), profile.days().idleFrom() - 1);
		for (long epochDay = last; epochDay >= profile.days().first(); epochDay--) {
			List<Session> sessions = sessions(profile, epochDay);
			for (int i = sessions.size() - 1; i >= 0; i--) {
				if (!sessions.get(i).end().isAfter(before)) {
					return Optional.of(sessions.get(i).end());
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Tells whether a day's usage has been aggregated for the metric APIs, which happens
	 * at the aggregation hour (02:00 by default) of the next day in the estate's zone.
	 * @param day the day
	 * @return {@code true} once the simulator clock has reached that hour
	 */
	public boolean isAggregated(LocalDate day) {
		Instant aggregatedAt = day.plusDays(1).atTime(this.aggregationHour, 0).atZone(dayZone()).toInstant();
		return !clock().instant().isBefore(aggregatedAt);
	}

	/**
	 * Returns the hour of the next day at which a day is aggregated.
	 * @return 0 to 23, in the estate's zone
	 */
	public int aggregationHour() {
		return this.aggregationHour;
	}

	/**
	 * Returns the days a metric query over a period covers: those whose aggregate,
	 * stamped at 23:59:59 of the day in the estate's zone, lies within the period and has
	 * already been computed.
	 * @param start the start of the period, inclusive
	 * @param end the end of the period, inclusive
	 * @return the days in ascending order
	 */
	public List<LocalDate> metricDays(Instant start, Instant end) {
		List<LocalDate> days = new ArrayList<>();
		for (long epochDay = calendar().epochDay(start); epochDay <= calendar().epochDay(end); epochDay++) {
			LocalDate day = LocalDate.ofEpochDay(epochDay);
			Instant stamp = Instant.ofEpochSecond(calendar().startOfDay(epochDay + 1) - 1);
			if (!stamp.isBefore(start) && !stamp.isAfter(end) && isAggregated(day)) {
				days.add(day);
			}
		}
		return days;
	}

	private int dayUnits(Profile profile, long epochDay) {
		if (!profile.days().contains(epochDay)) {
			return 0;
		}
		SplittableRandom random = random(profile, epochDay, 1);
		if (SeededCalendar.isWeekend(epochDay)) {
			return (random.nextInt(100) < 85) ? 0 : 30 + random.nextInt(221);
		}
		if (random.nextInt(100) < 6) {
			return 0;
		}
		return Math.max(450, Math.min(950, profile.baseUnits() + random.nextInt(121) - 60));
	}

	private int[] hourUnits(Profile profile, long epochDay) {
		int[] hours = new int[24];
		int remaining = dayUnits(profile, epochDay);
		if (remaining == 0) {
			return hours;
		}
		SplittableRandom random = random(profile, epochDay, 2);
		int hour = SeededCalendar.isWeekend(epochDay) ? 10 + random.nextInt(6) : 7 + random.nextInt(3);
		// The first session starts inside its first hour, then runs in whole hours; after
		// four hours a weekday session pauses for an hour (lunch).
		int first = Math.min(remaining, 20 + random.nextInt(81));
		hours[hour++] = first;
		remaining -= first;
		int worked = 1;
		while (remaining > 0) {
			if (worked == 4 && remaining > UNITS_PER_HOUR) {
				hour++;
			}
			int chunk = Math.min(UNITS_PER_HOUR, remaining);
			hours[hour++] = chunk;
			remaining -= chunk;
			worked++;
		}
		return hours;
	}

	private List<Session> sessions(Profile profile, long epochDay) {
		int[] hours = hourUnits(profile, epochDay);
		int ended = calendar().endedHours(epochDay);
		List<Session> sessions = new ArrayList<>();
		long dayStart = calendar().startOfDay(epochDay);
		int hour = 0;
		while (hour < ended) {
			if (hours[hour] == 0) {
				hour++;
				continue;
			}
			// A session fills the end of its first hour, whole middle hours and the
			// start of its last hour.
			long start = dayStart + (hour + 1) * 3600L - (long) hours[hour] * USAGE_UNIT_SECONDS;
			long end = dayStart + (hour + 1) * 3600L;
			hour++;
			while (hour < ended && hours[hour] > 0) {
				end = dayStart + hour * 3600L + (long) hours[hour] * USAGE_UNIT_SECONDS;
				hour++;
			}
			sessions.add(new Session(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)));
		}
		return sessions;
	}

	private Instant creationTime(Random random) {
		int band = random.nextInt(100);
		int daysAgo;
		if (band < 5) {
			daysAgo = 1 + random.nextInt(13);
		}
		else if (band < 30) {
			daysAgo = 14 + random.nextInt(186);
		}
		else {
			daysAgo = 200 + random.nextInt(201);
		}
		long secondOfDay = 8 * 3600 + random.nextInt(10 * 3600);
		return calendar().startOfDayBefore(daysAgo).plusSeconds(secondOfDay).plusMillis(random.nextInt(1000));
	}

	private Profile profile(int index, HuaweiDesktop desktop, UsageProfile fixed, Random random) {
		UsageProfile usage = fixed;
		int idleDays = 14 + random.nextInt(47);
		int baseUnits = 600 + random.nextInt(301);
		int roll = random.nextInt(100);
		if (index >= FIXED_STATES.size()) {
			usage = (roll < 3) ? UsageProfile.NEVER : (roll < 18) ? UsageProfile.IDLE : UsageProfile.REGULAR;
		}
		if (desktop.attachState() != AttachState.ATTACHED) {
			usage = UsageProfile.NEVER;
		}
		return new Profile(index, desktop, usageDays(usage, desktop.createTime(), idleDays), baseUnits);
	}

	private static States randomStates(Random random) {
		int attachRoll = random.nextInt(100);
		int runRoll = random.nextInt(100);
		int loginRoll = random.nextInt(100);
		if (attachRoll < 80) {
			if (runRoll < 70) {
				LoginState login = (loginRoll < 45) ? LoginState.IN_USE : (loginRoll < 70) ? LoginState.READY
						: (loginRoll < 92) ? LoginState.DISCONNECTED : LoginState.UNABLE_TO_CONNECT;
				return new States(AttachState.ATTACHED, RunState.ACTIVE, login, UsageProfile.REGULAR);
			}
			if (runRoll < 88) {
				return new States(AttachState.ATTACHED, RunState.STOPPED, LoginState.STOPPED, UsageProfile.REGULAR);
			}
			if (runRoll < 95) {
				return new States(AttachState.ATTACHED, RunState.HIBERNATED, LoginState.STOPPED, UsageProfile.REGULAR);
			}
			return new States(AttachState.ATTACHED, RunState.ERROR, LoginState.UNABLE_TO_CONNECT, UsageProfile.REGULAR);
		}
		if (attachRoll < 92) {
			return (runRoll < 50)
					? new States(AttachState.UNATTACHED, RunState.ACTIVE,
							(loginRoll < 70) ? LoginState.READY : LoginState.UNREGISTERED, UsageProfile.NEVER)
					: new States(AttachState.UNATTACHED, RunState.STOPPED, LoginState.STOPPED, UsageProfile.NEVER);
		}
		if (attachRoll < 96) {
			return new States(AttachState.ATTACHING, RunState.ACTIVE, LoginState.UNREGISTERED, UsageProfile.NEVER);
		}
		return new States(AttachState.ATTACH_ERROR, (runRoll < 50) ? RunState.ERROR : RunState.ACTIVE,
				(loginRoll < 50) ? LoginState.UNABLE_TO_CONNECT : LoginState.UNREGISTERED, UsageProfile.NEVER);
	}

	private static String uuid(Random random) {
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	/**
	 * The states a desktop is generated with, and how it is used.
	 */
	private record States(AttachState attach, RunState run, LoginState login, UsageProfile usage) {

	}

	/**
	 * What the estate keeps about a desktop: its place in the layout and usage days, and
	 * the daily usage of a regular working day, in units.
	 */
	record Profile(int index, HuaweiDesktop desktop, UsageDays days,
			int baseUnits) implements DesktopProfile<HuaweiDesktop> {

	}

	private record Session(Instant start, Instant end) {

	}

}
