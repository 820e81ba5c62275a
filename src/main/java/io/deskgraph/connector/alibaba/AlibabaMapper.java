package io.deskgraph.connector.alibaba;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.deskgraph.connector.DailyTotals;
import io.deskgraph.connector.alibaba.payload.ChargeType;
import io.deskgraph.connector.alibaba.payload.DesktopItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationItem;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * Maps the payloads of Alibaba ECD's DescribeDesktops and QueryHistoryUsageDurationRank
 * of one account to DeskGraph's vendor-neutral records: desktop counts by state, idle
 * desktops, rankings by desktop or end user, and usage per desktop and end user.
 * <p>
 * Desktop states map to DeskGraph's counts as follows:
 * <ul>
 * <li>run: counted by the vendor, one DescribeDesktops {@code TotalCount} per group of
 * {@code DesktopStatusList} values ({@link RunGroup}): {@code Running}, {@code Pending},
 * {@code Starting}, {@code Rebuilding} → active; {@code Stopped}, {@code Stopping} →
 * stopped; {@code Hibernated} → hibernated; every other state ({@code Expired},
 * {@code Deleted} and any the filter cannot name) → error, as the total minus the
 * others.</li>
 * <li>login, from the inventory ({@code ConnectionStatus} cannot be filtered on):
 * {@code Connected} → inUse; otherwise a running desktop whose {@code ConnectionStatus}
 * is {@code Disconnected} → disconnected, and a running desktop never connected
 * ({@code Unknown} or absent) → ready; stopped, stopping, hibernated and hibernating
 * desktops → stopped; pending, starting, rebuilding and waking desktops → unregistered;
 * every other state → unableToConnect ({@code DesktopStatus} matched
 * case-insensitively).</li>
 * <li>attach, from the inventory: a desktop with at least one {@code EndUserIds} entry →
 * attached, else unattached (Alibaba reports no attaching or failed assignments).</li>
 * </ul>
 * A desktop's own {@code state} ({@link #desktopState}) follows the run groups:
 * {@code Running}, {@code Pending}, {@code Starting}, {@code Rebuilding} → ACTIVE;
 * {@code Stopped}, {@code Stopping} → STOPPED; {@code Hibernated} → HIBERNATED; anything
 * else → ERROR. Its {@code billingMode} ({@link #billingMode}) reads {@code ChargeType}
 * in any spelling: {@code PRE_PAID} → SUBSCRIPTION, {@code POST_PAID} → PAY_AS_YOU_GO,
 * {@code MONTH_PACKAGE} → MONTHLY_PACKAGE, {@code DURATION} → DURATION_PACKAGE, any other
 * value → OTHER. Both keep the vendor's value as sent. Ranking rows name each desktop's
 * {@code RegionId} and {@code ChargeType}; DescribeDesktops items also its state.
 * <p>
 * Alibaba desktops are all dedicated; there are no desktop pools.
 *
 * @author DeskGraph
 */
final class AlibabaMapper {

	private static final Comparator<Map.Entry<String, DesktopTotals>> DESKTOP_ORDER = Comparator
		.comparingLong((Map.Entry<String, DesktopTotals> desktop) -> desktop.getValue().seconds)
		.reversed()
		.thenComparing(Map.Entry::getKey);

	private static final Comparator<Map.Entry<String, Long>> USER_ORDER = Map.Entry.<String, Long>comparingByValue()
		.reversed()
		.thenComparing(Map.Entry::getKey);

	private static final Comparator<UsageKey> KEY_ORDER = Comparator.comparing(UsageKey::desktopId)
		.thenComparing(UsageKey::endUserId, Comparator.nullsFirst(Comparator.naturalOrder()));

	private final Account account;

	AlibabaMapper(Account account) {
		this.account = account;
	}

	/**
	 * Desktop counts by state, by the state mapping above.
	 * @param runCounts the desktops of each group of run states, as the vendor counted
	 * them; {@link RunGroup#TOTAL} is every desktop
	 * @param inventory every desktop of the account's configured regions, for the login
	 * and attach counts; {@code null} when they are not asked for
	 * @return the counts, without login and attach counts when no inventory is given
	 */
	StatusCounts statusCounts(Map<RunGroup, Long> runCounts, @Nullable List<DesktopItem> inventory) {
		return statusCountsFrom(runCounts, (inventory != null) ? inventoryCounts(inventory) : null);
	}

	/**
	 * Desktop counts by state, by the state mapping above.
	 * @param runCounts the desktops of each group of run states, as the vendor counted
	 * them; {@link RunGroup#TOTAL} is every desktop
	 * @param inventoryCounts the login and attach counts of the account's inventory;
	 * {@code null} when they are not asked for
	 * @return the counts, without login and attach counts when none are given
	 */
	StatusCounts statusCountsFrom(Map<RunGroup, Long> runCounts, @Nullable InventoryCounts inventoryCounts) {
		long total = runCounts.getOrDefault(RunGroup.TOTAL, 0L);
		long active = runCounts.getOrDefault(RunGroup.RUNNING, 0L) + runCounts.getOrDefault(RunGroup.STARTING, 0L);
		long stopped = runCounts.getOrDefault(RunGroup.STOPPED, 0L);
		long hibernated = runCounts.getOrDefault(RunGroup.HIBERNATED, 0L);
		// Desktops change state between the counting calls: the rest is never negative.
		long error = Math.max(0, total - active - stopped - hibernated);
		RunCounts run = new RunCounts(toInt(active), toInt(stopped), toInt(error), toInt(hibernated));
		if (inventoryCounts == null) {
			return new StatusCounts(toInt(total), null, run, null, List.of());
		}
		return new StatusCounts(toInt(total), inventoryCounts.attach(), run, inventoryCounts.login(), List.of());
	}

	/**
	 * The login and attach counts of an inventory.
	 * @param inventory every desktop of the account's configured regions
	 * @return the counts
	 */
	InventoryCounts inventoryCounts(List<DesktopItem> inventory) {
		return new InventoryCounts(attachCounts(inventory), loginCounts(inventory));
	}

	/**
	 * The desktops of an inventory with no usage in a window, created before its end, in
	 * the order of their ids.
	 * @param inventory every desktop of the account's configured regions
	 * @param rows the usage rows of the window
	 * @param until the end of the window
	 * @return the idle desktops
	 */
	List<IdleDesktop> idleDesktops(List<DesktopItem> inventory, List<UsageDurationItem> rows, Instant until) {
		return idleDesktops(inventory, rows, until, 0, Integer.MAX_VALUE).items();
	}

	/**
	 * A run of the idle desktops of an inventory, in the order of their ids: only the
	 * desktops wanted are built.
	 * @param inventory every desktop of the account's configured regions
	 * @param rows the usage rows of the window
	 * @param until the end of the window
	 * @param offset the first idle desktop wanted
	 * @param count how many are wanted
	 * @return the idle desktops wanted, with the number of idle desktops
	 */
	Slice<IdleDesktop> idleDesktops(List<DesktopItem> inventory, List<UsageDurationItem> rows, Instant until,
			long offset, int count) {
		return idleDesktops(unusedDesktops(inventory, rows), until, offset, count);
	}

	/**
	 * The desktops of an inventory with no usage in a window, in the order of their ids,
	 * with when each was created: what every page of its idle desktops is cut from.
	 * @param inventory every desktop of the account's configured regions
	 * @param rows the usage rows of the window
	 * @return the unused desktops
	 */
	UnusedDesktops unusedDesktops(List<DesktopItem> inventory, List<UsageDurationItem> rows) {
		Set<String> used = usedDesktops(rows);
		List<DesktopItem> unused = new ArrayList<>();
		for (DesktopItem desktop : inventory) {
			if (!used.contains(desktop.desktopId())) {
				unused.add(desktop);
			}
		}
		unused.sort(Comparator.comparing(DesktopItem::desktopId));
		Instant[] created = new Instant[unused.size()];
		for (int i = 0; i < created.length; i++) {
			created[i] = AlibabaFormats.parseInstant(unused.get(i).creationTime());
		}
		return new UnusedDesktops(unused.toArray(DesktopItem[]::new), created);
	}

	/**
	 * A run of the idle desktops among unused ones: those created before the window's end
	 * (or whose creation the vendor did not say).
	 * @param unused the unused desktops of the window
	 * @param until the end of the window
	 * @param offset the first idle desktop wanted
	 * @param count how many are wanted
	 * @return the idle desktops wanted, with the number of idle desktops
	 */
	Slice<IdleDesktop> idleDesktops(UnusedDesktops unused, Instant until, long offset, int count) {
		List<IdleDesktop> page = new ArrayList<>(Math.min(count, unused.desktops().length));
		long idle = 0;
		for (int i = 0; i < unused.desktops().length; i++) {
			Instant created = unused.created()[i];
			if (created == null || created.isBefore(until)) {
				if (idle >= offset && page.size() < count) {
					page.add(idleDesktop(unused.desktops()[i]));
				}
				idle++;
			}
		}
		return new Slice<>(List.copyOf(page), idle);
	}

	/**
	 * Desktops or end users by usage, longest first, ties by id or name.
	 * @param rows the usage rows of a window
	 * @param by what to rank
	 * @return the ranking
	 */
	List<UsageTotal> ranking(List<UsageDurationItem> rows, RankDimension by) {
		return ranking(rows, by, 0, Integer.MAX_VALUE).items();
	}

	/**
	 * A run of the ranking of desktops or end users by usage, longest first, ties by id
	 * or name.
	 * @param rows the usage rows of a window
	 * @param by what to rank
	 * @param offset the first result wanted
	 * @param count how many results are wanted
	 * @return the results wanted, with the number of desktops or users ranked
	 */
	Slice<UsageTotal> ranking(List<UsageDurationItem> rows, RankDimension by, long offset, int count) {
		return ranking(rank(rows, by), offset, count);
	}

	/**
	 * The ranking of desktops or end users by usage in a window, in order: what every
	 * page of the ranking is cut from.
	 * @param rows the usage rows of a window
	 * @param by what to rank
	 * @return the ranking
	 */
	RankedUsage rank(List<UsageDurationItem> rows, RankDimension by) {
		if (by == RankDimension.USER) {
			Map<String, Long> users = new HashMap<>();
			for (UsageDurationItem row : rows) {
				if (row.endUserId() != null) {
					users.merge(row.endUserId(), row.usageDuration(), Long::sum);
				}
			}
			List<Map.Entry<String, Long>> order = new ArrayList<>(users.entrySet());
			order.sort(USER_ORDER);
			RankedUsage ranked = new RankedUsage(by, order.size());
			for (int i = 0; i < order.size(); i++) {
				ranked.users[i] = order.get(i).getKey();
				ranked.seconds[i] = order.get(i).getValue();
			}
			return ranked;
		}
		Map<String, DesktopTotals> desktops = new HashMap<>();
		for (UsageDurationItem row : rows) {
			if (row.desktopId() != null) {
				desktops.computeIfAbsent(row.desktopId(), (id) -> new DesktopTotals()).add(row);
			}
		}
		List<Map.Entry<String, DesktopTotals>> order = new ArrayList<>(desktops.entrySet());
		order.sort(DESKTOP_ORDER);
		RankedUsage ranked = new RankedUsage(by, order.size());
		for (int i = 0; i < order.size(); i++) {
			DesktopTotals totals = order.get(i).getValue();
			ranked.desktopIds[i] = order.get(i).getKey();
			ranked.names[i] = totals.name;
			ranked.regions[i] = totals.region;
			ranked.charges[i] = totals.chargeType;
			ranked.users[i] = totals.onlyUser();
			ranked.seconds[i] = totals.seconds;
		}
		return ranked;
	}

	/**
	 * A run of a ranking: only the results wanted are built.
	 * @param ranked the ranking
	 * @param offset the first result wanted
	 * @param count how many results are wanted
	 * @return the results wanted, with the number of desktops or users ranked
	 */
	Slice<UsageTotal> ranking(RankedUsage ranked, long offset, int count) {
		int size = ranked.seconds.length;
		int from = (int) Math.min(size, offset);
		int to = (int) Math.min(size, (long) from + Math.max(0, count));
		List<UsageTotal> page = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			UsageDuration duration = UsageDuration.ofSeconds(ranked.seconds[i]);
			page.add((ranked.by == RankDimension.USER) ? new UsageTotal(null, ranked.users[i], duration)
					: new UsageTotal(
							desktop(ranked.desktopIds[i], ranked.names[i], ranked.regions[i], ranked.charges[i]),
							ranked.users[i], duration));
		}
		return new Slice<>(List.copyOf(page), size);
	}

	/**
	 * The usage a desktop usage query asks for, per desktop and end user: the desktops
	 * and user it names (all when it names none), and desktops named by id without usage
	 * reported with none, as the ranking lists only desktops with usage and cannot tell
	 * an unused desktop from an unknown one.
	 * @param rows the usage rows of the query's window
	 * @param query the query
	 * @return the usage, in the order of desktop id and end user
	 */
	DesktopUsages desktopUsages(List<UsageDurationItem> rows, UsageQuery query) {
		Map<UsageKey, Totals> totals = totals(rows.stream().filter(wanted(query)).toList());
		for (String desktopId : query.desktopIds()) {
			if (totals.keySet().stream().noneMatch((key) -> key.desktopId().equals(desktopId))) {
				totals.put(new UsageKey(desktopId, query.userName()), new Totals());
			}
		}
		return new DesktopUsages(totals, totals.keySet().stream().sorted(KEY_ORDER).toList());
	}

	/**
	 * Which rows a desktop usage query asks for: native desktop ids (empty: all) and the
	 * end user (absent: all).
	 */
	private static Predicate<UsageDurationItem> wanted(UsageQuery query) {
		Set<String> desktopIds = Set.copyOf(query.desktopIds());
		String userName = query.userName();
		return (row) -> (desktopIds.isEmpty() || desktopIds.contains(row.desktopId()))
				&& (userName == null || userName.equals(row.endUserId()));
	}

	private static Map<UsageKey, Totals> totals(List<UsageDurationItem> rows) {
		Map<UsageKey, Totals> totals = new HashMap<>();
		for (UsageDurationItem row : rows) {
			if (row.desktopId() != null) {
				totals.computeIfAbsent(new UsageKey(row.desktopId(), row.endUserId()), (key) -> new Totals()).add(row);
			}
		}
		return totals;
	}

	/**
	 * Usage per day of every desktop and end user: each day's rows summed, counted as the
	 * per-day points of desktop usage count them (rows naming a desktop, with usage), so
	 * the days add up to those points.
	 * @param range the days
	 * @param days the usage rows of each day of the range
	 * @return one point per day of the range, a day without rows as zero
	 */
	List<UsagePoint> dailyUsage(DateRange range, Map<LocalDate, List<UsageDurationItem>> days) {
		DailyTotals totals = new DailyTotals(range);
		days.forEach((day, rows) -> {
			for (UsageDurationItem row : rows) {
				if (row.desktopId() != null && row.usageDuration() > 0) {
					totals.add(day, row.usageDuration());
				}
			}
		});
		return totals.points();
	}

	/**
	 * Usage per day of the wanted desktops and end users, days without usage left out.
	 */
	private static Map<UsageKey, Map<LocalDate, Long>> points(Set<UsageKey> wanted,
			Map<LocalDate, List<UsageDurationItem>> days) {
		Map<UsageKey, Map<LocalDate, Long>> points = new HashMap<>();
		days.forEach((day, rows) -> {
			for (UsageDurationItem row : rows) {
				if (row.desktopId() == null || row.usageDuration() <= 0) {
					continue;
				}
				UsageKey key = new UsageKey(row.desktopId(), row.endUserId());
				if (wanted.contains(key)) {
					points.computeIfAbsent(key, (k) -> new TreeMap<>()).merge(day, row.usageDuration(), Long::sum);
				}
			}
		});
		return points;
	}

	private DesktopUsage desktopUsage(UsageKey key, Totals totals, Map<LocalDate, Long> days) {
		List<UsagePoint> points = days.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((day) -> new UsagePoint(day.getKey(), null, UsageDuration.ofSeconds(day.getValue())))
			.toList();
		return new DesktopUsage(desktop(key.desktopId(), totals.name, totals.region, totals.chargeType),
				key.endUserId(), UsageDuration.ofSeconds(totals.seconds), points);
	}

	private static Set<String> usedDesktops(List<UsageDurationItem> rows) {
		Set<String> used = new HashSet<>();
		for (UsageDurationItem row : rows) {
			if (row.desktopId() != null && row.usageDuration() > 0) {
				used.add(row.desktopId());
			}
		}
		return used;
	}

	private IdleDesktop idleDesktop(DesktopItem item) {
		return new IdleDesktop(desktop(item), AlibabaFormats.parseInstant(item.creationTime()), null);
	}

	private static AttachCounts attachCounts(List<DesktopItem> inventory) {
		int attached = 0;
		for (DesktopItem desktop : inventory) {
			if (!desktop.endUserIds().isEmpty()) {
				attached++;
			}
		}
		return new AttachCounts(attached, inventory.size() - attached, 0, 0);
	}

	private static LoginCounts loginCounts(List<DesktopItem> inventory) {
		int[] login = new int[LoginState.values().length];
		for (DesktopItem desktop : inventory) {
			RunState runState = RunState.of(desktop.desktopStatus());
			login[LoginState.of(runState, desktop.connectionStatus()).ordinal()]++;
		}
		return new LoginCounts(login[LoginState.IN_USE.ordinal()], login[LoginState.STOPPED.ordinal()],
				login[LoginState.UNREGISTERED.ordinal()], login[LoginState.UNABLE_TO_CONNECT.ordinal()],
				login[LoginState.READY.ordinal()], login[LoginState.DISCONNECTED.ordinal()]);
	}

	private static int toInt(long count) {
		return (int) Math.min(Integer.MAX_VALUE, count);
	}

	/**
	 * A desktop of a DescribeDesktops answer, with its name, region, state, billing mode
	 * and spec (its desktop type).
	 * @param item the vendor's desktop, with its region ({@link DesktopItem#orRegion})
	 * @return the desktop
	 */
	Desktop desktop(DesktopItem item) {
		return desktop(item.desktopId(), item.desktopName(), item.regionId(), item.chargeType())
			.withState(desktopState(item.desktopStatus()), item.desktopStatus())
			.withSpec(item.desktopType());
	}

	private Desktop desktop(String nativeId, @Nullable String name, @Nullable String region,
			@Nullable String chargeType) {
		return Desktop.of(Vendor.ALIBABA, this.account.id(), nativeId, name)
			.inRegion(region)
			.billed(billingMode(chargeType), chargeType);
	}

	/**
	 * A desktop's run state, by the run groups DescribeDesktops counts are made of.
	 * @param desktopStatus the vendor's {@code DesktopStatus}, in any casing
	 * @return the state; {@code null} when the vendor did not say
	 */
	@Nullable
	static DesktopState desktopState(@Nullable String desktopStatus) {
		if (desktopStatus == null || desktopStatus.isBlank()) {
			return null;
		}
		return switch (desktopStatus.trim().toLowerCase(Locale.ROOT)) {
			case "running", "pending", "starting", "rebuilding" -> DesktopState.ACTIVE;
			case "stopped", "stopping" -> DesktopState.STOPPED;
			case "hibernated" -> DesktopState.HIBERNATED;
			default -> DesktopState.ERROR;
		};
	}

	/**
	 * How a desktop is billed, from the vendor's {@code ChargeType} in any of its
	 * spellings.
	 * @param chargeType the vendor's value
	 * @return the billing mode; {@link BillingMode#OTHER} for a value not known,
	 * {@code null} when the vendor did not say
	 */
	@Nullable
	static BillingMode billingMode(@Nullable String chargeType) {
		if (chargeType == null || chargeType.isBlank()) {
			return null;
		}
		return switch (ChargeType.of(chargeType)) {
			case PRE_PAID -> BillingMode.SUBSCRIPTION;
			case POST_PAID -> BillingMode.PAY_AS_YOU_GO;
			case MONTH_PACKAGE -> BillingMode.MONTHLY_PACKAGE;
			case DURATION -> BillingMode.DURATION_PACKAGE;
			case UNKNOWN -> BillingMode.OTHER;
		};
	}

	/**
	 * The usage of the desktops and end users a query asks for, in order, ready to be
	 * paged and given their points per day.
	 */
	final class DesktopUsages {

		private final Map<UsageKey, Totals> totals;

		private final List<UsageKey> keys;

		private DesktopUsages(Map<UsageKey, Totals> totals, List<UsageKey> keys) {
			this.totals = totals;
			this.keys = keys;
		}

		/**
		 * Every desktop and end user, in order.
		 * @return the keys
		 */
		List<UsageKey> keys() {
			return this.keys;
		}

		/**
		 * The usage of some desktops and end users, with their points from rows per day.
		 * @param page the keys wanted
		 * @param days the usage rows of each day, empty when no points are asked for
		 * @return the usage, in the order of the keys
		 */
		List<DesktopUsage> of(List<UsageKey> page, Map<LocalDate, List<UsageDurationItem>> days) {
			Map<UsageKey, Map<LocalDate, Long>> points = days.isEmpty() ? Map.of() : points(Set.copyOf(page), days);
			return page.stream()
				.map((key) -> desktopUsage(key, this.totals.get(key), points.getOrDefault(key, Map.of())))
				.toList();
		}

	}

	/**
	 * The groups of {@code DesktopStatus} values whose desktops are counted with one
	 * filtered DescribeDesktops each, only values the filter accepts.
	 */
	enum RunGroup {

		/** Running desktops. */
		RUNNING("Running"),

		/** Desktops on their way to running. */
		STARTING("Pending", "Starting", "Rebuilding"),

		/** Stopped desktops and those stopping. */
		STOPPED("Stopped", "Stopping"),

		/** Hibernated desktops. */
		HIBERNATED("Hibernated"),

		/** Every desktop, whatever its state. */
		TOTAL;

		private final List<String> statuses;

		RunGroup(String... statuses) {
			this.statuses = List.of(statuses);
		}

		/**
		 * The {@code DesktopStatusList} values of the group.
		 * @return the values, empty for every desktop
		 */
		List<String> statuses() {
			return this.statuses;
		}

	}

	/**
	 * Run states of one desktop of the inventory, from Alibaba's {@code DesktopStatus},
	 * which its login state follows.
	 */
	private enum RunState {

		ACTIVE, STARTING, STOPPED, HIBERNATED, ERROR;

		/** The states as Alibaba spells them, looked up without allocating. */
		private static final Map<String, RunState> SPELLED = Map.of("Running", ACTIVE, "Pending", STARTING, "Starting",
				STARTING, "Rebuilding", STARTING, "Waking", STARTING, "Stopped", STOPPED, "Stopping", STOPPED,
				"Hibernated", HIBERNATED, "Hibernating", HIBERNATED);

		static RunState of(@Nullable String status) {
			RunState spelled = (status != null) ? SPELLED.get(status) : null;
			if (spelled != null) {
				return spelled;
			}
			String key = (status != null) ? status.trim().toLowerCase(Locale.ROOT) : "";
			return switch (key) {
				case "running" -> ACTIVE;
				case "pending", "starting", "rebuilding", "waking" -> STARTING;
				case "stopped", "stopping" -> STOPPED;
				case "hibernated", "hibernating" -> HIBERNATED;
				default -> ERROR;
			};
		}

	}

	/**
	 * Login states DeskGraph counts, from Alibaba's {@code ConnectionStatus} and run
	 * state.
	 */
	private enum LoginState {

		IN_USE, STOPPED, UNREGISTERED, UNABLE_TO_CONNECT, READY, DISCONNECTED;

		static LoginState of(RunState run, @Nullable String connection) {
			if ("connected".equalsIgnoreCase(trim(connection))) {
				return IN_USE;
			}
			return switch (run) {
				case ACTIVE -> "disconnected".equalsIgnoreCase(trim(connection)) ? DISCONNECTED : READY;
				case STOPPED, HIBERNATED -> STOPPED;
				case STARTING -> UNREGISTERED;
				case ERROR -> UNABLE_TO_CONNECT;
			};
		}

		@Nullable
		private static String trim(@Nullable String value) {
			return (value != null) ? value.trim() : null;
		}

	}

	/**
	 * A desktop and end user, the unit of desktop usage.
	 */
	record UsageKey(String desktopId, @Nullable String endUserId) {

	}

	/**
	 * Usage summed over rows, with the first desktop name, region and charge type seen.
	 */
	private static class Totals {

		@Nullable
		String name;

		@Nullable
		String region;

		@Nullable
		String chargeType;

		long seconds;

		void add(UsageDurationItem row) {
			if (this.name == null) {
				this.name = row.desktopName();
			}
			if (this.region == null) {
				this.region = row.regionId();
			}
			if (this.chargeType == null) {
				this.chargeType = row.chargeType();
			}
			this.seconds += row.usageDuration();
		}

	}

	/**
	 * Usage of one desktop summed over its end users.
	 */
	private static final class DesktopTotals extends Totals {

		@Nullable
		private String user;

		private boolean severalUsers;

		@Override
		void add(UsageDurationItem row) {
			super.add(row);
			String endUser = row.endUserId();
			if (endUser != null && !endUser.equals(this.user)) {
				this.severalUsers |= this.user != null;
				this.user = endUser;
			}
		}

		/**
		 * The desktop's end user, when it had exactly one.
		 */
		@Nullable
		String onlyUser() {
			return this.severalUsers ? null : this.user;
		}

	}

	/**
	 * The login and attach counts of an inventory.
	 *
	 * @param attach desktops with and without end users
	 * @param login desktops by login state
	 */
	record InventoryCounts(AttachCounts attach, LoginCounts login) {
	}

	/**
	 * Unused desktops of a window in the order of their ids, with when each was created
	 * ({@code null} where the vendor did not say).
	 *
	 * @param desktops the desktops
	 * @param created when each was created
	 */
	record UnusedDesktops(DesktopItem[] desktops, @Nullable Instant[] created) {
	}

	/**
	 * A ranking in order, as parallel arrays of the vendor rows' own strings: a page of
	 * it is built when asked for.
	 */
	static final class RankedUsage {

		final RankDimension by;

		final String[] desktopIds;

		final String[] names;

		final String[] regions;

		final String[] charges;

		final String[] users;

		final long[] seconds;

		RankedUsage(RankDimension by, int size) {
			this.by = by;
			boolean desktops = by == RankDimension.DESKTOP;
			this.desktopIds = new String[desktops ? size : 0];
			this.names = new String[desktops ? size : 0];
			this.regions = new String[desktops ? size : 0];
			this.charges = new String[desktops ? size : 0];
			this.users = new String[size];
			this.seconds = new long[size];
		}

	}

}
