package io.deskgraph.simulator.alibaba;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import io.deskgraph.simulator.SeededCalendar;
import io.deskgraph.simulator.SyntheticEstate;

/**
 * The deterministic synthetic estate behind the Alibaba simulator: office sites, desktops
 * across regions, end users and the usage of each desktop by each of its end users per
 * day, generated from a seed and read by both simulated actions so that they agree.
 * <p>
 * Usage is a pure function of the seed, the desktop, the end user and the day (of the
 * estate's day zone), in whole seconds: on a weekday each end user of a desktop works one
 * session inside their own time slot (the slots of a shared desktop never overlap), at
 * weekends rarely and briefly. A session of the current day counts only up to the start
 * of the current hour of the moment asked about, which makes today partial and the future
 * empty. Creation times and idle streaks are laid out back from the day the estate was
 * built: some desktops have been idle for the last 14 days or more, a few were never
 * used, and desktops without end users have no usage at all.
 *
 * @author DeskGraph
 */
public final class AlibabaEstate extends SyntheticEstate<AlibabaDesktop, AlibabaEstate.Profile> {

	/** The regions the estate spreads over, most desktops in the first. */
	public static final List<String> REGIONS = List.of("cn-shanghai", "cn-hangzhou", "cn-beijing");

	/** Every desktop status the estate uses, as {@code DescribeDesktops} spells it. */
	public static final List<String> DESKTOP_STATUSES = List.of("Pending", "Starting", "Running", "Stopping", "Stopped",
			"Rebuilding", "Hibernated", "Expired", "Deleted");

	/** Every connection status the estate uses. */
	public static final List<String> CONNECTION_STATUSES = List.of("Connected", "Disconnected", "Unknown");

	/** The expiry time Alibaba reports for pay-as-you-go desktops. */
	public static final Instant PAY_AS_YOU_GO_EXPIRY = Instant.parse("2099-12-31T15:59:00Z");

	private static final int WORKDAY_START = 7 * 3600;

	private static final int WORKDAY_LENGTH = 16 * 3600;

	private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String[] FIRST_NAMES = { "alice", "bob", "carol", "david", "emma", "frank", "grace", "henry",
			"iris", "jack", "kate", "leo", "mia", "nick", "olivia", "peter", "quinn", "rose", "sam", "tina", "uma",
			"victor", "wendy", "xavier", "yvonne", "zoe", "lei", "min", "jun", "hui", "yan", "tao", "ning", "fang",
			"jing", "qiang", "xin", "ying", "bo", "li" };

	private static final String[] LAST_NAMES = { "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
			"zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie", "tang",
			"song", "han", "feng", "deng", "cao", "peng" };

	private static final String[] DEPARTMENTS = { "fin", "hr", "dev", "ops", "mkt", "sales", "design", "it", "legal",
			"support" };

	private static final List<Site> SITES = List.of(new Site("cn-shanghai", "sh", "Shanghai HQ", "AD_CONNECTOR"),
			new Site("cn-shanghai", "sh", "Shanghai R&D", "SIMPLE"),
			new Site("cn-shanghai", "sh", "Shanghai Call Center", "SIMPLE"),
			new Site("cn-hangzhou", "hz", "Hangzhou Engineering", "SIMPLE"),
			new Site("cn-hangzhou", "hz", "Hangzhou Ops", "SIMPLE"),
			new Site("cn-beijing", "bj", "Beijing Sales", "SIMPLE"));

	private static final List<Spec> SPECS = List.of(new Spec("eds.enterprise_office.2c4g", 2, 4096),
			new Spec("eds.enterprise_office.4c8g", 4, 8192), new Spec("eds.enterprise_office.8c16g", 8, 16384),
			new Spec("eds.graphics.8c32g", 8, 32768));

	// The first desktops get fixed traits so that every status, connection status,
	// region,
	// charge type spelling, end-user count and usage profile exists in any estate of at
	// least this size.
	private static final List<Traits> FIXED_TRAITS = List.of(
			new Traits("cn-shanghai", "Running", "Connected", "PrePaid", 1, UsageProfile.REGULAR),
			new Traits("cn-shanghai", "Running", "Disconnected", "POST_PAID", 3, UsageProfile.REGULAR),
			new Traits("cn-hangzhou", "Stopped", "Disconnected", "PRE_PAID", 2, UsageProfile.REGULAR),
			new Traits("cn-beijing", "Hibernated", "Disconnected", "MONTH_PACKAGE", 1, UsageProfile.REGULAR),
			new Traits("cn-shanghai", "Starting", "Unknown", "DURATION", 1, UsageProfile.REGULAR),
			new Traits("cn-hangzhou", "Stopping", "Disconnected", "PostPaid", 1, UsageProfile.REGULAR),
			new Traits("cn-shanghai", "Pending", "Unknown", "POST_PAID", 0, UsageProfile.NEVER),
			new Traits("cn-shanghai", "Rebuilding", "Unknown", "PRE_PAID", 1, UsageProfile.IDLE),
			new Traits("cn-hangzhou", "Expired", "Disconnected", "PrePaid", 1, UsageProfile.IDLE),
			new Traits("cn-beijing", "Deleted", "Unknown", "POST_PAID", 2, UsageProfile.IDLE),
			new Traits("cn-shanghai", "Running", "Disconnected", "POST_PAID", 2, UsageProfile.NEVER),
			new Traits("cn-shanghai", "Running", "Connected", "PRE_PAID", 4, UsageProfile.REGULAR));

	private final List<AlibabaOfficeSite> officeSites;

	/**
	 * Builds the estate.
	 * @param seed the seed; the same seed, size and day give the same estate
	 * @param size the number of desktops
	 * @param clock the simulator clock; creation times and idle streaks are laid out back
	 * from its current day, and it decides which part of today has passed
	 */
	public AlibabaEstate(long seed, int size, Clock clock) {
		this(seed, size, clock, ZoneOffset.UTC);
	}

	/**
	 * Builds the estate on the days of a zone.
	 * @param seed the seed; the same seed, size and day give the same estate
	 * @param size the number of desktops, across all regions
	 * @param clock the simulator clock
	 * @param zone the zone of the vendor's days: StartDate and EndDate name its days
	 */
	public AlibabaEstate(long seed, int size, Clock clock, ZoneId zone) {
		super(seed, size, clock, zone);
		Random random = calendar().layoutRandom();
		this.officeSites = officeSites(random);
		List<String> userPool = userPool(random, size + size / 4 + 8);
		Set<String> usedIds = new HashSet<>();
		List<Profile> generated = new ArrayList<>();
		List<String> primaries = new ArrayList<>();
		for (int index = 0; index < size; index++) {
			Traits traits = (index < FIXED_TRAITS.size()) ? FIXED_TRAITS.get(index) : randomTraits(random);
			String id = desktopId(random, usedIds);
			AlibabaOfficeSite site = site(random, traits.regionId());
			String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
			String name = namePrefix(site.regionId()) + "-" + department + "-" + "%04d".formatted(index + 1);
			List<String> users = endUsers(random, traits.users(), userPool, primaries);
			Spec spec = SPECS.get(random.nextInt(SPECS.size()));
			String osType = (random.nextInt(100) < 88) ? "Windows" : "Linux";
			Instant created = creationTime(random, traits.desktopStatus());
			int idleDays = 14 + random.nextInt(61);
			UsageDays days = usageDays(traits.profile(), created, idleDays);
			boolean prePaid = traits.rankingChargeType().equalsIgnoreCase("PrePaid")
					|| traits.rankingChargeType().equals("PRE_PAID");
			Instant expired = expiredTime(random, prePaid, traits.desktopStatus(), days.idleFrom());
			AlibabaDesktop desktop = new AlibabaDesktop(id, name, site.regionId(), site.officeSiteId(),
					site.officeSiteName(), traits.desktopStatus(), traits.connectionStatus(),
					prePaid ? "PrePaid" : "PostPaid", traits.rankingChargeType(), users, osType, spec.desktopType(),
					spec.cpu(), spec.memory(), created, expired);
			int[] baseSeconds = new int[users.size()];
			for (int user = 0; user < baseSeconds.length; user++) {
				baseSeconds[user] = (user == 0) ? 4 * 3600 + random.nextInt(4 * 3600 + 1)
						: 2 * 3600 + random.nextInt(4 * 3600 + 1);
			}
			generated.add(new Profile(index, desktop, days, baseSeconds));
		}
		indexDesktops(generated, AlibabaDesktop::desktopId, AlibabaDesktop::endUserIds);
	}

	/**
	 * Returns the regions of the estate.
	 * @return {@link #REGIONS}
	 */
	public List<String> regions() {
		return REGIONS;
	}

	/**
	 * Returns every office site.
	 * @return the office sites, grouped by region in {@link #REGIONS} order
	 */
	public List<AlibabaOfficeSite> officeSites() {
		return this.officeSites;
	}

	/**
	 * Returns the desktops of one region.
	 * @param regionId the region
	 * @return the desktops ordered by id, empty for a region without desktops
	 */
	public List<AlibabaDesktop> desktops(String regionId) {
		return desktops().stream().filter((desktop) -> desktop.regionId().equals(regionId)).toList();
	}

	/**
	 * Returns every end user assigned to at least one desktop.
	 * @return the end-user ids in ascending order
	 */
	public List<String> endUsers() {
		return assignedUsers();
	}

	/**
	 * Returns the end users of a desktop.
	 * @param desktopId the desktop id
	 * @return the end-user ids in assignment order (the first is the main user)
	 * @throws IllegalArgumentException if there is no such desktop
	 */
	public List<String> endUsersOf(String desktopId) {
		return profile(desktopId).desktop().endUserIds();
	}

	/**
	 * Returns the usage of a desktop by one of its end users on a day, as of now.
	 * @param desktopId the desktop id
	 * @param endUserId the end-user id
	 * @param day the day
	 * @return the seconds in use; zero for an end user not assigned to the desktop
	 */
	public long usageSeconds(String desktopId, String endUserId, LocalDate day) {
		return usageSeconds(desktopId, endUserId, day, clock().instant());
	}

	/**
	 * Returns the usage of a desktop by one of its end users on a day, as it was known at
	 * a given moment: only whole hours before that moment count.
	 * @param desktopId the desktop id
	 * @param endUserId the end-user id
	 * @param day the day
	 * @param asOf the moment
	 * @return the seconds in use; zero for an end user not assigned to the desktop
	 */
	public long usageSeconds(String desktopId, String endUserId, LocalDate day, Instant asOf) {
		Profile profile = profile(desktopId);
		int user = profile.desktop().endUserIds().indexOf(endUserId);
		return (user < 0) ? 0 : usage(profile, user, day.toEpochDay(), asOf.getEpochSecond());
	}

	/**
	 * Returns the usage of a desktop by one of its end users over a window of days, as of
	 * now.
	 * @param desktopId the desktop id
	 * @param endUserId the end-user id
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return the seconds in use
	 */
	public long usageSeconds(String desktopId, String endUserId, LocalDate from, LocalDate to) {
		long asOf = clock().instant().getEpochSecond();
		Profile profile = profile(desktopId);
		int user = profile.desktop().endUserIds().indexOf(endUserId);
		return (user < 0) ? 0 : usage(profile, user, from.toEpochDay(), to.toEpochDay(), asOf);
	}

	/**
	 * Returns the usage of a desktop by all its end users over a window of days, as of
	 * now.
	 * @param desktopId the desktop id
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return the seconds in use
	 */
	public long desktopUsageSeconds(String desktopId, LocalDate from, LocalDate to) {
		long asOf = clock().instant().getEpochSecond();
		Profile profile = profile(desktopId);
		long total = 0;
		for (int user = 0; user < profile.desktop().endUserIds().size(); user++) {
			total += usage(profile, user, from.toEpochDay(), to.toEpochDay(), asOf);
		}
		return total;
	}

	/**
	 * Ranks usage over a window of days as of now; see
	 * {@link #usageRanking(LocalDate, LocalDate, Instant)}.
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return the rows, longest first
	 */
	public List<AlibabaUsageRow> usageRanking(LocalDate from, LocalDate to) {
		return usageRanking(from, to, clock().instant());
	}

	/**
	 * Ranks usage over a window of days, as {@code QueryHistoryUsageDurationRank} does:
	 * one row per desktop and end user with usage in the window, over all regions, sorted
	 * by usage (longest first), then desktop id, then end-user id.
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @param asOf the moment the usage is known at
	 * @return the rows, longest first
	 */
	public List<AlibabaUsageRow> usageRanking(LocalDate from, LocalDate to, Instant asOf) {
		long first = from.toEpochDay();
		long last = to.toEpochDay();
		long asOfSecond = asOf.getEpochSecond();
		List<AlibabaUsageRow> rows = new ArrayList<>();
		for (AlibabaDesktop desktop : desktops()) {
			Profile profile = profile(desktop.desktopId());
			for (int user = 0; user < desktop.endUserIds().size(); user++) {
				long seconds = usage(profile, user, first, last, asOfSecond);
				if (seconds > 0) {
					rows.add(new AlibabaUsageRow(desktop.endUserIds().get(user), desktop.desktopId(),
							desktop.desktopName(), desktop.rankingChargeType(), seconds, desktop.regionId()));
				}
			}
		}
		rows.sort(Comparator.comparingLong(AlibabaUsageRow::usageDuration)
			.reversed()
			.thenComparing(AlibabaUsageRow::desktopId)
			.thenComparing(AlibabaUsageRow::endUserId));
		return List.copyOf(rows);
	}

	private long usage(Profile profile, int user, long firstDay, long lastDay, long asOfSecond) {
		long total = 0;
		for (long epochDay = firstDay; epochDay <= lastDay; epochDay++) {
			total += usage(profile, user, epochDay, asOfSecond);
		}
		return total;
	}

	private long usage(Profile profile, int user, long epochDay, long asOfSecond) {
		int endedHours = calendar().endedHours(epochDay, asOfSecond);
		if (!profile.days().contains(epochDay) || endedHours == 0) {
			return 0;
		}
		SplittableRandom random = random(profile, epochDay, user);
		int slot = WORKDAY_LENGTH / profile.desktop().endUserIds().size();
		int duration;
		if (SeededCalendar.isWeekend(epochDay)) {
			duration = (random.nextInt(100) < 85) ? 0 : 900 + random.nextInt(2 * 3600);
		}
		else {
			duration = (random.nextInt(100) < 7) ? 0 : profile.baseSeconds()[user] + random.nextInt(5401) - 2700;
		}
		if (duration <= 0) {
			return 0;
		}
		int offset = random.nextInt(1800);
		int start = WORKDAY_START + user * slot + offset;
		duration = Math.max(300, Math.min(duration, slot - offset - 60));
		if (endedHours == 24) {
			return duration;
		}
		// The current day counts only up to the start of the current hour, so its value
		// changes once an hour rather than every second.
		return Math.max(0, Math.min(duration, endedHours * 3600L - start));
	}

	private List<AlibabaOfficeSite> officeSites(Random random) {
		List<AlibabaOfficeSite> sites = new ArrayList<>();
		for (Site site : SITES) {
			String id = site.regionId() + "+dir-" + (1_000_000_000L + (long) (random.nextDouble() * 8_999_999_999L));
			sites.add(new AlibabaOfficeSite(id, site.name(), site.regionId(), site.type()));
		}
		return List.copyOf(sites);
	}

	private AlibabaOfficeSite site(Random random, String regionId) {
		List<AlibabaOfficeSite> inRegion = this.officeSites.stream()
			.filter((site) -> site.regionId().equals(regionId))
			.toList();
		// The first site of a region is its main one and gets half of the desktops.
		int pick = random.nextInt(inRegion.size() * 2);
		return inRegion.get((pick < inRegion.size()) ? 0 : pick - inRegion.size());
	}

	private static String namePrefix(String regionId) {
		return SITES.stream().filter((site) -> site.regionId().equals(regionId)).findFirst().orElseThrow().namePrefix();
	}

	private static List<String> userPool(Random random, int size) {
		List<String> combinations = new ArrayList<>();
		for (String first : FIRST_NAMES) {
			for (String last : LAST_NAMES) {
				combinations.add(first + "." + last);
			}
		}
		Collections.shuffle(combinations, random);
		List<String> pool = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String base = combinations.get(i % combinations.size());
			int round = i / combinations.size();
			pool.add((round == 0) ? base : base + (round + 1));
		}
		return pool;
	}

	private static List<String> endUsers(Random random, int count, List<String> pool, List<String> primaries) {
		List<String> users = new ArrayList<>();
		if (count == 0) {
			return users;
		}
		// Every desktop with end users gets a new main user; further users are main users
		// of earlier desktops (colleagues sharing a desktop in shifts) or new ones.
		String primary = pool.get(primaries.size() % pool.size());
		primaries.add(primary);
		users.add(primary);
		int guard = 0;
		while (users.size() < count && guard++ < 100) {
			String extra = (primaries.size() > 1 && random.nextInt(100) < 70)
					? primaries.get(random.nextInt(primaries.size() - 1))
					: pool.get((pool.size() - 1 - random.nextInt(Math.max(1, pool.size() / 5))) % pool.size());
			if (!users.contains(extra)) {
				users.add(extra);
			}
		}
		return users;
	}

	private static String desktopId(Random random, Set<String> usedIds) {
		while (true) {
			StringBuilder id = new StringBuilder("ecd-");
			for (int i = 0; i < 17; i++) {
				id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
			}
			if (usedIds.add(id.toString())) {
				return id.toString();
			}
		}
	}

	private Instant creationTime(Random random, String desktopStatus) {
		int daysAgo;
		if (desktopStatus.equals("Pending")) {
			daysAgo = 1;
		}
		else {
			int band = random.nextInt(100);
			daysAgo = (band < 8) ? 3 + random.nextInt(28)
					: (band < 30) ? 30 + random.nextInt(121) : 150 + random.nextInt(371);
		}
		long minuteOfDay = 60 + random.nextInt(12 * 60);
		return calendar().startOfDayBefore(daysAgo).plusSeconds(minuteOfDay * 60);
	}

	private Instant expiredTime(Random random, boolean prePaid, String desktopStatus, long idleFromDay) {
		if (!prePaid) {
			return PAY_AS_YOU_GO_EXPIRY;
		}
		// Subscriptions end at midnight China time, 16:00 UTC the day before.
		LocalDate lastDay = desktopStatus.equals("Expired") ? LocalDate.ofEpochDay(idleFromDay)
				: calendar().layoutDay().plusDays(1 + random.nextInt(330));
		return lastDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(16, ChronoUnit.HOURS);
	}

	private static Traits randomTraits(Random random) {
		int regionRoll = random.nextInt(100);
		String region = REGIONS.get((regionRoll < 70) ? 0 : (regionRoll < 92) ? 1 : 2);
		int userRoll = random.nextInt(100);
		int users = (userRoll < 8) ? 0 : (userRoll < 80) ? 1 : (userRoll < 93) ? 2 : (userRoll < 98) ? 3 : 4;
		int statusRoll = random.nextInt(100);
		String status;
		if (users == 0) {
			status = (statusRoll < 50) ? "Running" : (statusRoll < 90) ? "Stopped" : "Pending";
		}
		else {
			status = (statusRoll < 58) ? "Running"
					: (statusRoll < 80) ? "Stopped"
							: (statusRoll < 86) ? "Hibernated" : (statusRoll < 88) ? "Starting" : (statusRoll < 90)
									? "Stopping"
									: (statusRoll < 91) ? "Rebuilding" : (statusRoll < 95) ? "Expired" : "Deleted";
		}
		int profileRoll = random.nextInt(100);
		UsageProfile profile;
		if (users == 0 || status.equals("Pending")) {
			profile = UsageProfile.NEVER;
		}
		else if (status.equals("Expired") || status.equals("Deleted")) {
			profile = UsageProfile.IDLE;
		}
		else {
			profile = (profileRoll < 3) ? UsageProfile.NEVER
					: (profileRoll < 16) ? UsageProfile.IDLE : UsageProfile.REGULAR;
		}
		String connection = switch (status) {
			case "Running" -> (users > 0 && profile == UsageProfile.REGULAR && random.nextInt(100) < 55) ? "Connected"
					: "Disconnected";
			case "Starting", "Pending", "Rebuilding", "Deleted" -> "Unknown";
			default -> "Disconnected";
		};
		int chargeRoll = random.nextInt(100);
		String charge;
		if (status.equals("Expired") || chargeRoll < 45) {
			charge = (random.nextInt(100) < 60) ? "PrePaid" : "PRE_PAID";
		}
		else {
			int spelling = random.nextInt(100);
			charge = (spelling < 50) ? "POST_PAID"
					: (spelling < 70) ? "MONTH_PACKAGE" : (spelling < 85) ? "DURATION" : "PostPaid";
		}
		return new Traits(region, status, connection, charge, users, profile);
	}

	/**
	 * The traits a desktop is generated with: where it runs, its statuses, how the
	 * ranking spells its charge type, how many end users it has and how they use it.
	 */
	private record Traits(String regionId, String desktopStatus, String connectionStatus, String rankingChargeType,
			int users, UsageProfile profile) {

	}

	/**
	 * An office site of every estate; its desktops' names start with the region's prefix.
	 */
	private record Site(String regionId, String namePrefix, String name, String type) {

	}

	/**
	 * A desktop instance type with its vCPUs and memory in MiB.
	 */
	private record Spec(String desktopType, int cpu, long memory) {

	}

	/**
	 * What the estate keeps about a desktop: its place in the layout and usage days, and
	 * each end user's usage on a regular working day, in seconds.
	 */
	record Profile(int index, AlibabaDesktop desktop, UsageDays days,
			int[] baseSeconds) implements DesktopProfile<AlibabaDesktop> {

	}

}
