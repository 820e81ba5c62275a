package io.deskgraph.connector.alibaba;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.deskgraph.connector.alibaba.payload.DescribeDesktopsResponse;
import io.deskgraph.connector.alibaba.payload.DesktopItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationItem;
import io.deskgraph.connector.alibaba.payload.UsageDurationRankResponse;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopType;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Answers DeskGraph's usage questions for one Alibaba Cloud ECD account and region,
 * draining NextToken pages and mapping the vendor's payloads to neutral records.
 * <p>
 * One Alibaba account is one region: QueryHistoryUsageDurationRank answers rows for every
 * region of the caller, and only rows whose {@code RegionId} is the account's region are
 * kept, so usage agrees with the DescribeDesktops inventory of that region. Usage is
 * reported per day only, for the last 90 days: a window may start 90 days before today
 * (UTC) at the earliest, and windows starting earlier are rejected before any call.
 * <p>
 * Desktop states map to DeskGraph's counts as follows ({@code DesktopStatus} is matched
 * case-insensitively; transitional states count with the state they lead to, as Huawei
 * counts them):
 * <ul>
 * <li>run: {@code Running}, {@code Pending}, {@code Starting}, {@code Rebuilding},
 * {@code Waking} → active; {@code Stopped}, {@code Stopping} → stopped;
 * {@code Hibernated}, {@code Hibernating} → hibernated; {@code Expired}, {@code Deleted},
 * {@code Deleting} and any other or missing state → error.</li>
 * <li>login: {@code ConnectionStatus} {@code Connected} → inUse; otherwise a running
 * desktop whose {@code ConnectionStatus} is {@code Disconnected} → disconnected, and a
 * running desktop never connected ({@code Unknown} or absent) → ready; stopped, stopping,
 * hibernated and hibernating desktops → stopped; pending, starting, rebuilding and waking
 * desktops → unregistered; every other state → unableToConnect.</li>
 * <li>attach: a desktop with at least one {@code EndUserIds} entry → attached, else
 * unattached (Alibaba reports no attaching or failed assignments).</li>
 * </ul>
 * Alibaba desktops are all dedicated; there are no desktop pools.
 *
 * @author DeskGraph
 */
public final class AlibabaUsageConnector implements UsageConnector {

	/** Page size of QueryHistoryUsageDurationRank (its maximum). */
	static final int RANK_PAGE_SIZE = AlibabaEcdClient.MAX_RANK_LIMIT;

	/** Page size of DescribeDesktops (its maximum). */
	static final int DESCRIBE_PAGE_SIZE = AlibabaEcdClient.MAX_DESCRIBE_RESULTS;

	/**
	 * How many days before today QueryHistoryUsageDurationRank reaches: the vendor
	 * answers "the last 90 days", read as today (partial) and the 90 days before it.
	 */
	static final int USAGE_WINDOW_DAYS = 90;

	private static final String DESKTOPS_DRAIN = "desktops";

	private static final String RANKING_DRAIN = "ranking";

	private static final String DAY_RANKING_DRAIN = "day-ranking";

	private static final Comparator<UsageTotal> LONGEST_FIRST = Comparator
		.comparingLong((UsageTotal total) -> total.duration().seconds())
		.reversed();

	private static final Comparator<UsageKey> KEY_ORDER = Comparator.comparing(UsageKey::desktopId)
		.thenComparing(UsageKey::endUserId, Comparator.nullsFirst(Comparator.naturalOrder()));

	private final Account account;

	private final AlibabaEcdClient client;

	@Nullable
	private final Integer bizType;

	private final AlibabaProperties properties;

	private final Clock clock;

	/**
	 * The most pages each kind of drain has taken for this account, for the cost model:
	 * DescribeDesktops, rankings of one day, rankings of longer windows.
	 */
	private final Map<String, Integer> knownPages = new ConcurrentHashMap<>();

	AlibabaUsageConnector(Account account, AlibabaEcdClient client, @Nullable Integer bizType,
			AlibabaProperties properties, Clock clock) {
		this.account = account;
		this.client = client;
		this.bizType = bizType;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Account account() {
		return this.account;
	}

	@Override
	public int plannedCalls(PlannedQuestion question) {
		DateRange range = question.range();
		return switch (question.kind()) {
			case STATUS -> knownPages(DESKTOPS_DRAIN);
			case IDLE -> knownPages(DESKTOPS_DRAIN) + knownPages(RANKING_DRAIN);
			case RANKING -> knownPages(rankingDrain(range));
			case USAGE -> {
				int total = knownPages(rankingDrain(range));
				if (question.withPoints() && range != null && range.days() > 1) {
					// Per-day points come from one ranking per day.
					long days = Math.min(range.days(), USAGE_WINDOW_DAYS + 1);
					total += (int) (days * knownPages(DAY_RANKING_DRAIN));
				}
				yield total;
			}
			default -> 0;
		};
	}

	private int knownPages(String drain) {
		return this.knownPages.getOrDefault(drain, 1);
	}

	private static String rankingDrain(@Nullable DateRange range) {
		return (range != null && range.days() == 1) ? DAY_RANKING_DRAIN : RANKING_DRAIN;
	}

	@Override
	public Mono<StatusCounts> desktopStatus(StatusFilter filter) {
		if (!filter.poolIds().isEmpty()) {
			return Mono.error(new UnsupportedQueryException(
					"Alibaba ECD has no desktop pools (account " + this.account.id() + ")"));
		}
		if (!filter.desktopTypes().isEmpty() && !filter.desktopTypes().contains(DesktopType.DEDICATED)) {
			// Every Alibaba desktop is dedicated: asking for pooled desktops only counts
			// none.
			return Mono.just(new StatusCounts(0, AttachCounts.NONE, RunCounts.NONE, LoginCounts.NONE, List.of()));
		}
		return desktops().map(AlibabaUsageConnector::statusCounts);
	}

	@Override
	public Mono<Slice<IdleDesktop>> idleDesktops(Instant since, Instant until, long offset, int count) {
		return Mono.defer(() -> {
			LocalDate today = today();
			LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
			// The last day the window touches: an end at midnight does not reach into
			// that day.
			LocalDate last = LocalDate.ofInstant(until.isAfter(since) ? until.minusNanos(1) : since, ZoneOffset.UTC);
			checkWindow(first, "since");
			DateRange days = new DateRange(first, last.isAfter(today) ? today : last);
			Mono<Set<String>> used = usageRows(days, "since").map(AlibabaUsageConnector::usedDesktops);
			return Mono.zip(desktops(), used).map((inventory) -> {
				List<IdleDesktop> idle = inventory.getT1()
					.stream()
					.filter((desktop) -> !inventory.getT2().contains(desktop.desktopId()))
					.map(this::idleDesktop)
					.filter((desktop) -> desktop.createdAt() == null || desktop.createdAt().isBefore(until))
					.sorted(Comparator.comparing((IdleDesktop desktop) -> desktop.desktop().nativeId()))
					.toList();
				return slice(idle, offset, count);
			});
		});
	}

	@Override
	public Mono<Slice<DesktopUsage>> desktopUsage(UsageQuery query, long offset, int count) {
		return Mono.defer(() -> {
			if (query.granularity() == Granularity.HOUR) {
				throw new UnsupportedQueryException("Alibaba ECD reports usage per day only (account "
						+ this.account.id() + "); ask for DAY granularity");
			}
			DateRange range = query.range();
			checkRange(range);
			Predicate<UsageDurationItem> wanted = wanted(query);
			return usageRows(range, "range").flatMap((rows) -> {
				Map<UsageKey, Totals> totals = totals(rows.stream().filter(wanted).toList());
				// The ranking lists only desktops with usage, so a desktop asked for by
				// id and missing is
				// reported with no usage: the API cannot tell an unused desktop from an
				// unknown one.
				for (String desktopId : query.desktopIds()) {
					if (totals.keySet().stream().noneMatch((key) -> key.desktopId().equals(desktopId))) {
						totals.put(new UsageKey(desktopId, query.userName()), new Totals());
					}
				}
				List<UsageKey> keys = totals.keySet().stream().sorted(KEY_ORDER).toList();
				List<UsageKey> wantedKeys = slice(keys, offset, count).items();
				if (wantedKeys.isEmpty()) {
					return Mono.just(new Slice<DesktopUsage>(List.of(), keys.size()));
				}
				if (!query.withPoints()) {
					return Mono.just(new Slice<>(
							wantedKeys.stream().map((key) -> desktopUsage(key, totals.get(key), Map.of())).toList(),
							keys.size()));
				}
				return dailyRows(range, rows).map((days) -> {
					Map<UsageKey, Map<LocalDate, Long>> points = points(Set.copyOf(wantedKeys), days);
					List<DesktopUsage> usages = wantedKeys.stream()
						.map((key) -> desktopUsage(key, totals.get(key), points.getOrDefault(key, Map.of())))
						.toList();
					return new Slice<>(usages, keys.size());
				});
			});
		});
	}

	@Override
	public Mono<Slice<UsageTotal>> usageRanking(DateRange range, RankDimension by, long offset, int count) {
		return Mono.defer(() -> {
			checkRange(range);
			return usageRows(range, "range").map((rows) -> {
				List<UsageTotal> ranking = (by == RankDimension.USER) ? byUser(rows) : byDesktop(rows);
				return slice(ranking, offset, count);
			});
		});
	}

	/**
	 * Drains a NextToken chain of one vendor action, one page after the other: the first
	 * page without a token, each next page with the token of the one before, until a page
	 * comes without a token.
	 * @param action the vendor action, named in errors
	 * @param drainKind the kind of drain whose page count the cost model remembers
	 * @param pageSize the page size asked for, named in errors
	 * @param tooMany the error raised when the chain is longer than the page cap
	 * @param fetch fetches the page of a token ({@code null} for the first)
	 * @param items the items of a page
	 * @param nextToken the token of the page after a page
	 * @return every item, in vendor order
	 */
	private <P, T> Mono<List<T>> drain(String action, String drainKind, int pageSize,
			Function<String, RuntimeException> tooMany, Function<String, Mono<P>> fetch, Function<P, List<T>> items,
			Function<P, String> nextToken) {
		int maxPages = this.properties.maxPagesPerCall();
		String limit = maxPages + " pages of " + pageSize + " (deskgraph.alibaba.max-pages-per-call)";
		return Mono.defer(() -> fetch.apply(null)).map((payload) -> new Page<>(payload, 1, null)).expand((page) -> {
			String token = nextToken.apply(page.payload());
			if (!StringUtils.hasText(token)) {
				return Mono.empty();
			}
			if (token.equals(page.token())) {
				return Mono.error(malformed(action, "answered the NextToken it was sent, so paging would not end"));
			}
			if (page.number() >= maxPages) {
				return Mono.error(tooMany.apply(limit));
			}
			return fetch.apply(token).map((payload) -> new Page<>(payload, page.number() + 1, token));
		}).collectList().map((pages) -> {
			this.knownPages.merge(drainKind, pages.size(), Math::max);
			List<T> all = new ArrayList<>();
			pages.forEach((page) -> all.addAll(items.apply(page.payload())));
			return all;
		});
	}

	/**
	 * Every usage row of the account's region in a window, from one drain of
	 * QueryHistoryUsageDurationRank.
	 */
	private Mono<List<UsageDurationItem>> usageRows(DateRange range, String argument) {
		return drain(AlibabaEcdClient.QUERY_HISTORY_USAGE_DURATION_RANK, rankingDrain(range), RANK_PAGE_SIZE,
				(limit) -> new InvalidArgumentException(argument,
						"Alibaba usage ranking from " + range.from() + " to " + range.to() + " for account '"
								+ this.account.id() + "' has more rows than " + limit + " hold; ask for fewer days"),
				(token) -> this.client.queryHistoryUsageDurationRank(range.from(), range.to(), this.bizType,
						RANK_PAGE_SIZE, token),
				UsageDurationRankResponse::usageDurationList, UsageDurationRankResponse::nextToken)
			.map((rows) -> rows.stream().filter(this::inRegion).toList());
	}

	/**
	 * Every desktop of the account's region, from one drain of DescribeDesktops.
	 */
	private Mono<List<DesktopItem>> desktops() {
		return drain(AlibabaEcdClient.DESCRIBE_DESKTOPS, DESKTOPS_DRAIN, DESCRIBE_PAGE_SIZE,
				(limit) -> new InvalidArgumentException("accountIds",
						"Alibaba account '" + this.account.id() + "' has more desktops in " + this.account.region()
								+ " than " + limit + " hold; raise the limit or leave the account out"),
				(token) -> this.client.describeDesktops(DESCRIBE_PAGE_SIZE, token, List.of()),
				DescribeDesktopsResponse::desktops, DescribeDesktopsResponse::nextToken);
	}

	/**
	 * The usage rows of each day of a window, from one-day windows fetched a few at a
	 * time; a one-day window reuses the rows already fetched.
	 */
	private Mono<Map<LocalDate, List<UsageDurationItem>>> dailyRows(DateRange range, List<UsageDurationItem> rows) {
		if (range.days() == 1) {
			return Mono.just(Map.of(range.from(), rows));
		}
		return Flux.fromStream(range.from().datesUntil(range.to().plusDays(1)))
			.flatMapSequential(
					(day) -> usageRows(new DateRange(day, day), "range").map((dayRows) -> Map.entry(day, dayRows)),
					this.properties.dayFetchConcurrency())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
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

	private boolean inRegion(UsageDurationItem row) {
		return this.account.region().equalsIgnoreCase(row.regionId());
	}

	private List<UsageTotal> byDesktop(List<UsageDurationItem> rows) {
		Map<String, DesktopTotals> desktops = new LinkedHashMap<>();
		for (UsageDurationItem row : rows) {
			if (row.desktopId() != null) {
				desktops.computeIfAbsent(row.desktopId(), (id) -> new DesktopTotals()).add(row);
			}
		}
		List<UsageTotal> ranking = new ArrayList<>();
		desktops.forEach((id, totals) -> ranking.add(new UsageTotal(desktop(id, totals.name),
				(totals.users.size() == 1) ? totals.users.first() : null, UsageDuration.ofSeconds(totals.seconds))));
		ranking.sort(LONGEST_FIRST.thenComparing((total) -> total.desktop().nativeId()));
		return ranking;
	}

	private static List<UsageTotal> byUser(List<UsageDurationItem> rows) {
		Map<String, Long> users = new HashMap<>();
		for (UsageDurationItem row : rows) {
			if (row.endUserId() != null) {
				users.merge(row.endUserId(), row.usageDuration(), Long::sum);
			}
		}
		List<UsageTotal> ranking = new ArrayList<>();
		users.forEach((user, seconds) -> ranking.add(new UsageTotal(null, user, UsageDuration.ofSeconds(seconds))));
		ranking.sort(LONGEST_FIRST.thenComparing(UsageTotal::userName));
		return ranking;
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
		return new DesktopUsage(desktop(key.desktopId(), totals.name), key.endUserId(),
				UsageDuration.ofSeconds(totals.seconds), points);
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
		return new IdleDesktop(desktop(item.desktopId(), item.desktopName()),
				AlibabaFormats.parseInstant(item.creationTime()), null);
	}

	private static StatusCounts statusCounts(List<DesktopItem> desktops) {
		int[] run = new int[RunState.values().length];
		int[] login = new int[LoginState.values().length];
		int attached = 0;
		for (DesktopItem desktop : desktops) {
			RunState runState = RunState.of(desktop.desktopStatus());
			run[runState.ordinal()]++;
			login[LoginState.of(runState, desktop.desktopStatus(), desktop.connectionStatus()).ordinal()]++;
			if (!desktop.endUserIds().isEmpty()) {
				attached++;
			}
		}
		return new StatusCounts(desktops.size(), new AttachCounts(attached, desktops.size() - attached, 0, 0),
				new RunCounts(run[RunState.ACTIVE.ordinal()] + run[RunState.STARTING.ordinal()],
						run[RunState.STOPPED.ordinal()], run[RunState.ERROR.ordinal()],
						run[RunState.HIBERNATED.ordinal()]),
				new LoginCounts(login[LoginState.IN_USE.ordinal()], login[LoginState.STOPPED.ordinal()],
						login[LoginState.UNREGISTERED.ordinal()], login[LoginState.UNABLE_TO_CONNECT.ordinal()],
						login[LoginState.READY.ordinal()], login[LoginState.DISCONNECTED.ordinal()]),
				List.of());
	}

	private Desktop desktop(String nativeId, @Nullable String name) {
		return Desktop.of(Vendor.ALIBABA, this.account.id(), nativeId, name);
	}

	private static <T> Slice<T> slice(List<T> all, long offset, int count) {
		int from = (int) Math.min(Math.max(offset, 0), all.size());
		int to = (int) Math.min((long) from + Math.max(count, 0), all.size());
		return new Slice<>(List.copyOf(all.subList(from, to)), all.size());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private void checkRange(DateRange range) {
		checkWindow(range.from(), "range");
	}

	private void checkWindow(LocalDate from, String argument) {
		LocalDate today = today();
		LocalDate earliest = today.minusDays(USAGE_WINDOW_DAYS);
		if (from.isBefore(earliest)) {
			String what = "range".equals(argument) ? "from" : argument;
			throw new InvalidArgumentException(argument,
					"Alibaba usage ranking covers only the last " + USAGE_WINDOW_DAYS + " days; " + what
							+ " must be on or after " + earliest + " (today is " + today + ", UTC); got " + from);
		}
	}

	private VendorUnavailableException malformed(String action, String problem) {
		return new VendorUnavailableException(Vendor.ALIBABA, this.account.id(), 200, null, null,
				"Alibaba " + action + " for account '" + this.account.id() + "' " + problem, null);
	}

	/**
	 * Run states DeskGraph counts, from Alibaba's {@code DesktopStatus}.
	 */
	private enum RunState {

		ACTIVE, STARTING, STOPPED, HIBERNATED, ERROR;

		static RunState of(@Nullable String status) {
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

		static LoginState of(RunState run, @Nullable String status, @Nullable String connection) {
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
	 * A page of a NextToken chain, numbered from 1, with the token it was fetched with.
	 */
	private record Page<P>(P payload, int number, @Nullable String token) {

	}

	/**
	 * A desktop and end user, the unit of desktop usage.
	 */
	private record UsageKey(String desktopId, @Nullable String endUserId) {

	}

	/**
	 * Usage summed over rows, with the first desktop name seen.
	 */
	private static class Totals {

		@Nullable
		String name;

		long seconds;

		void add(UsageDurationItem row) {
			if (this.name == null) {
				this.name = row.desktopName();
			}
			this.seconds += row.usageDuration();
		}

	}

	/**
	 * Usage of one desktop summed over its end users.
	 */
	private static final class DesktopTotals extends Totals {

		final TreeSet<String> users = new TreeSet<>();

		@Override
		void add(UsageDurationItem row) {
			super.add(row);
			if (row.endUserId() != null) {
				this.users.add(row.endUserId());
			}
		}

	}

}
