package io.deskgraph.connector.alibaba;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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
import io.deskgraph.usage.VendorWindowException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.connector.AccountDays;
import io.deskgraph.connector.DerivedViews;
import io.deskgraph.connector.Drain;
import io.deskgraph.connector.DrainJobs;
import io.deskgraph.connector.Freshness;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UsageConnector;
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
 * Answers DeskGraph's usage questions for one Alibaba Cloud ECD account over its regions,
 * draining NextToken pages and mapping the vendor's payloads to neutral records.
 * <p>
 * An Alibaba account covers several regions ({@link Account#regions()}, its own region
 * first). QueryHistoryUsageDurationRank answers rows for every region of the caller, each
 * naming its {@code RegionId}: the ranking is drained once per account and window, from
 * the endpoint of the account's region, and kept whole, so rankings and usage totals
 * count usage in regions that are not configured too. DescribeDesktops is regional: state
 * counts, the inventory behind login and attach counts and idle desktops, and desktops
 * looked up by id are asked of each configured region (each drain and cached page its
 * region's own) and merged. Usage is reported per day only, for the last 90 days: a
 * window may start 90 days before today at the earliest, and windows starting earlier are
 * rejected before any call. Days are the account's days ({@link Account#dayZone()}):
 * StartDate and EndDate name no zone, and DeskGraph sends the account's days as they are
 * and cuts windows at its today, as the vendor takes no EndDate after today.
 * <p>
 * The payloads are mapped to records by {@link AlibabaMapper}, which documents how
 * desktop states are counted.
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

	private final Account account;

	private final AlibabaEcdClient client;

	@Nullable
	private final Integer bizType;

	private final AlibabaProperties properties;

	private final AccountDays days;

	private final AlibabaMapper mapper;

	/**
	 * Rankings, unused desktops and inventory counts of the drains this account keeps.
	 */
	private final DerivedViews views = new DerivedViews();

	private final DrainJobs drains;

	/**
	 * The most pages each kind of drain has taken for this account (DescribeDesktops,
	 * rankings of one day, rankings of longer windows), for the first estimate of when a
	 * new drain will be done.
	 */
	private final Map<String, Integer> knownPages = new ConcurrentHashMap<>();

	AlibabaUsageConnector(Account account, AlibabaEcdClient client, @Nullable Integer bizType,
			AlibabaProperties properties, DrainJobs drains, Clock clock) {
		this.account = account;
		this.client = client;
		this.bizType = bizType;
		this.properties = properties;
		this.days = AccountDays.of(account, clock);
		this.mapper = new AlibabaMapper(account);
		this.drains = drains;
	}

	@Override
	public Account account() {
		return this.account;
	}

	/**
	 * The request's share of the calls: each drain a question joins counts as one, as a
	 * drain's pages are its own job's, bounded by its own budget and paced by the quota;
	 * a status count is one call per group of run states and one drain of the inventory
	 * in each configured region, idle desktops one inventory drain per region and one
	 * drain of the ranking.
	 */
	@Override
	public int plannedCalls(PlannedQuestion question) {
		DateRange range = question.range();
		int regions = this.account.regions().size();
		return switch (question.kind()) {
			case STATUS -> (AlibabaMapper.RunGroup.values().length + 1) * regions;
			case IDLE -> regions + 1;
			case RANKING -> 1;
			// At least one DesktopId-filtered call per 100 ids, when all are in the first
			// region asked.
			case DESKTOPS -> (question.count() + DESCRIBE_PAGE_SIZE - 1) / DESCRIBE_PAGE_SIZE;
			// One inventory drain per configured region, shared with status counts and
			// idle desktops.
			case INVENTORY -> regions;
			// One drain per day, the per-day points' own; none for days the vendor does
			// not reach, which fail before any call.
			case DAILY_USAGE -> {
				DateRange past = (range != null && !range.from().isBefore(earliestDay())) ? upToToday(range) : null;
				yield (past != null) ? (int) past.days() : 0;
			}
			case USAGE -> {
				int drains = 1;
				if (question.withPoints() && range != null && range.days() > 1) {
					// Per-day points come from one ranking per day.
					drains += (int) Math.min(range.days(), USAGE_WINDOW_DAYS + 1);
				}
				yield drains;
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
		if (!filter.withLoginAndAttach()) {
			return runCounts().map((counts) -> this.mapper.statusCounts(counts, null));
		}
		return Mono.zip(runCounts(), inventories())
			.map((answers) -> this.mapper.statusCountsFrom(answers.getT1(), this.views.of("inventoryCounts",
					answers.getT2(), () -> this.mapper.inventoryCounts(merged(answers.getT2())))));
	}

	/**
	 * How many desktops are in each group of run states, counted by the vendor with one
	 * small DescribeDesktops call per group ({@code DesktopStatusList} and
	 * {@code TotalCount}) in each configured region and summed, not by listing every
	 * desktop.
	 */
	private Mono<Map<AlibabaMapper.RunGroup, Long>> runCounts() {
		return Flux.fromIterable(this.account.regions())
			.flatMap((region) -> Flux.fromArray(AlibabaMapper.RunGroup.values())
				.flatMap((group) -> this.client.countDesktops(region, group.statuses())
					.map((count) -> Map.entry(group, count))))
			.collect(() -> new EnumMap<AlibabaMapper.RunGroup, Long>(AlibabaMapper.RunGroup.class),
					(counts, count) -> counts.merge(count.getKey(), count.getValue(), Long::sum));
	}

	@Override
	public Mono<Slice<IdleDesktop>> idleDesktops(Instant since, Instant until, long offset, int count) {
		return Mono.defer(() -> {
			LocalDate today = today();
			LocalDate first = this.days.dayOf(since);
			// The last day the window touches: an end at midnight does not reach into
			// that day.
			LocalDate last = this.days.dayOf(until.isAfter(since) ? until.minusNanos(1) : since);
			checkWindow(first, "since");
			DateRange days = new DateRange(first, last.isAfter(today) ? today : last);
			return Mono.zip(inventories(), usageRows(days)).map((answers) -> {
				List<Object> sources = new ArrayList<>();
				sources.add(answers.getT2());
				sources.addAll(answers.getT1());
				return this.mapper.idleDesktops(
						this.views.of("unusedDesktops", sources,
								() -> this.mapper.unusedDesktops(merged(answers.getT1()), answers.getT2())),
						until, offset, count);
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
			checkRange(query.range());
			DateRange range = upToToday(query.range());
			if (range == null) {
				return Mono.just(new Slice<>(List.<DesktopUsage>of(), 0));
			}
			return usageRows(range).flatMap((rows) -> {
				AlibabaMapper.DesktopUsages usages = this.mapper.desktopUsages(rows, query);
				List<AlibabaMapper.UsageKey> page = Slice.of(usages.keys(), offset, count).items();
				if (page.isEmpty() || !query.withPoints()) {
					return Mono.just(new Slice<>(usages.of(page, Map.of()), usages.keys().size()));
				}
				return dailyRows(range, rows).map((days) -> new Slice<>(usages.of(page, days), usages.keys().size()));
			});
		});
	}

	/**
	 * Usage per day from the one-day rankings behind the per-day points of
	 * {@link #desktopUsage}, so the two share their drains, each day's rows summed.
	 */
	@Override
	public Mono<List<UsagePoint>> dailyUsage(DateRange asked) {
		return Mono.defer(() -> {
			checkRange(asked);
			DateRange range = upToToday(asked);
			if (range == null) {
				return Mono.just(List.<UsagePoint>of());
			}
			return dailyRows(range).map((days) -> this.mapper.dailyUsage(range, days));
		});
	}

	@Override
	public Mono<Slice<UsageTotal>> usageRanking(DateRange range, RankDimension by, long offset, int count) {
		return Mono.defer(() -> {
			checkRange(range);
			DateRange past = upToToday(range);
			if (past == null) {
				return Mono.just(new Slice<>(List.<UsageTotal>of(), 0));
			}
			return usageRows(past).map((rows) -> this.mapper
				.ranking(this.views.of(by, List.of(rows), () -> this.mapper.rank(rows, by)), offset, count));
		});
	}

	/**
	 * Drains a NextToken chain of one vendor action as a shared background job: the first
	 * page without a token (its total count tells how many pages to expect), each next
	 * page with the token of the one before, until a page comes without a token.
	 * @param drain what is drained, shared by everyone who asks the same
	 * @param drainKind the kind of drain whose page count the cost model remembers
	 * @param pageSize the page size asked for
	 * @param fetch fetches the page of a token ({@code null} for the first)
	 * @param items the items of a page
	 * @param nextToken the token of the page after a page
	 * @param totalCount the total count of items a page reports
	 * @return every item, in vendor order
	 */
	private <P, T> Mono<List<T>> drain(Drain drain, String drainKind, int pageSize, Function<String, Mono<P>> fetch,
			Function<P, List<T>> items, Function<P, String> nextToken, ToLongFunction<P> totalCount) {
		return this.drains.drain(drain, knownPages(drainKind),
				(progress) -> Mono.defer(() -> fetch.apply(null)).map((payload) -> {
					progress.page();
					progress.expectItems(totalCount.applyAsLong(payload), pageSize);
					return new Page<>(payload, null);
				}).expand((page) -> {
					String token = nextToken.apply(page.payload());
					if (!StringUtils.hasText(token)) {
						return Mono.empty();
					}
					if (token.equals(page.token())) {
						return Mono.error(VendorUnavailableException.malformed(Vendor.ALIBABA, this.account.id(),
								drain.api(), "answered the NextToken it was sent, so paging would not end", null));
					}
					if (!progress.mayFetchMore()) {
						return Mono
							.error(VendorUnavailableException.malformed(Vendor.ALIBABA, this.account.id(), drain.api(),
									"kept paging past " + progress.budgetReason() + ", for the " + drain.what(), null));
					}
					return fetch.apply(token).map((payload) -> {
						progress.page();
						return new Page<>(payload, token);
					});
				}).collectList().map((pages) -> {
					this.knownPages.merge(drainKind, pages.size(), Math::max);
					List<T> all = new ArrayList<>();
					pages.forEach((page) -> all.addAll(items.apply(page.payload())));
					return all;
				}));
	}

	/**
	 * Every usage row of the account in a window, from one drain of
	 * QueryHistoryUsageDurationRank: the rows of every region, configured or not, as the
	 * vendor answers them for the caller.
	 */
	private Mono<List<UsageDurationItem>> usageRows(DateRange range) {
		Drain drain = new Drain(Vendor.ALIBABA, this.account.id(), AlibabaEcdClient.QUERY_HISTORY_USAGE_DURATION_RANK,
				new RankingDrain(range, this.bizType), this.days.ofWindowEnding(range.to()),
				"usage ranking from " + range.from() + " to " + range.to());
		return drain(drain, rankingDrain(range), RANK_PAGE_SIZE,
				(token) -> this.client.queryHistoryUsageDurationRank(range.from(), range.to(), this.bizType,
						RANK_PAGE_SIZE, token, this.days.ofWindowEnding(range.to())),
				UsageDurationRankResponse::usageDurationList, UsageDurationRankResponse::nextToken,
				UsageDurationRankResponse::totalCount);
	}

	/**
	 * The desktops of each configured region, in the order of the regions: one drain per
	 * region, all started at once (they share the account's DescribeDesktops quota) and
	 * each kept as its own answer, so that the views derived from them stay as long as
	 * all of them do.
	 */
	private Mono<List<List<DesktopItem>>> inventories() {
		List<String> regions = this.account.regions();
		return Flux.fromIterable(regions).flatMapSequential(this::inventory, regions.size()).collectList();
	}

	/**
	 * Every desktop of one region, from one drain of DescribeDesktops kept for
	 * {@code deskgraph.cache.inventory-ttl}, each naming its region.
	 */
	private Mono<List<DesktopItem>> inventory(String region) {
		Drain drain = new Drain(Vendor.ALIBABA, this.account.id(), AlibabaEcdClient.DESCRIBE_DESKTOPS, region,
				Freshness.INVENTORY, "desktop inventory of " + region);
		return drain(drain, DESKTOPS_DRAIN, DESCRIBE_PAGE_SIZE,
				(token) -> this.client.describeDesktops(region, DESCRIBE_PAGE_SIZE, token, List.of(),
						Freshness.INVENTORY),
				(page) -> page.desktops().stream().map((desktop) -> desktop.orRegion(region)).toList(),
				DescribeDesktopsResponse::nextToken, DescribeDesktopsResponse::totalCount);
	}

	/**
	 * Every desktop of the configured regions, in the order of the regions, with spec and
	 * billing, from the inventory drains that status counts and idle desktops share.
	 */
	@Override
	public Mono<List<Desktop>> desktopInventory() {
		return inventories().map((inventories) -> this.views.of("desktopInventory", inventories,
				() -> merged(inventories).stream().map(this.mapper::desktop).toList()));
	}

	private static List<DesktopItem> merged(List<List<DesktopItem>> inventories) {
		if (inventories.size() == 1) {
			return inventories.get(0);
		}
		List<DesktopItem> all = new ArrayList<>();
		inventories.forEach(all::addAll);
		return all;
	}

	/**
	 * Desktops by id, asked of DescribeDesktops with {@code DesktopId.N} filters, at most
	 * 100 to a call, region by region in the configured order: an id lives in one region,
	 * so the ids a region answered are not asked of the next. The answers live as briefly
	 * as the live state they carry.
	 */
	@Override
	public Mono<Map<String, Desktop>> desktops(List<String> nativeIds) {
		return Mono.defer(() -> {
			Set<String> wanted = new LinkedHashSet<>();
			for (String id : nativeIds) {
				if (StringUtils.hasText(id)) {
					wanted.add(id.trim());
				}
			}
			Map<String, Desktop> found = new LinkedHashMap<>();
			return Flux.fromIterable(this.account.regions())
				.concatMap((region) -> Mono
					.defer(() -> lookUp(region, wanted.stream().filter((id) -> !found.containsKey(id)).toList()))
					.doOnNext((desktops) -> desktops.forEach((desktop) -> found.put(desktop.nativeId(), desktop))))
				.then(Mono.fromSupplier(() -> {
					// In the order asked, whatever order the regions answered in.
					Map<String, Desktop> ordered = new LinkedHashMap<>();
					for (String id : wanted) {
						Desktop desktop = found.get(id);
						if (desktop != null) {
							ordered.put(id, desktop);
						}
					}
					return Collections.unmodifiableMap(ordered);
				}));
		});
	}

	/**
	 * The desktops of some ids one region knows, in calls of at most 100 ids; ids sorted,
	 * so that the same ids asked in another order hit the same cached answers.
	 */
	private Mono<List<Desktop>> lookUp(String region, List<String> ids) {
		if (ids.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> sorted = ids.stream().sorted().toList();
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < sorted.size(); from += DESCRIBE_PAGE_SIZE) {
			batches.add(sorted.subList(from, Math.min(sorted.size(), from + DESCRIBE_PAGE_SIZE)));
		}
		Set<String> asked = Set.copyOf(ids);
		return Flux.fromIterable(batches)
			.flatMapSequential(
					(batch) -> this.client.describeDesktops(region, DESCRIBE_PAGE_SIZE, null, batch, Freshness.LIVE))
			.flatMapIterable(DescribeDesktopsResponse::desktops)
			.filter((desktop) -> desktop.desktopId() != null && asked.contains(desktop.desktopId()))
			.map((desktop) -> this.mapper.desktop(desktop.orRegion(region)))
			.collectList();
	}

	/**
	 * The usage rows of each day of a window, from one-day windows fetched a few at a
	 * time; a one-day window reuses the rows already fetched.
	 */
	private Mono<Map<LocalDate, List<UsageDurationItem>>> dailyRows(DateRange range, List<UsageDurationItem> rows) {
		if (range.days() == 1) {
			return Mono.just(Map.of(range.from(), rows));
		}
		return dailyRows(range);
	}

	/**
	 * The usage rows of each day of a window, from one drain of a one-day window per day,
	 * a few at a time.
	 */
	private Mono<Map<LocalDate, List<UsageDurationItem>>> dailyRows(DateRange range) {
		return Flux.fromStream(range.from().datesUntil(range.to().plusDays(1)))
			.flatMapSequential((day) -> usageRows(new DateRange(day, day)).map((dayRows) -> Map.entry(day, dayRows)),
					this.properties.dayFetchConcurrency())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private LocalDate today() {
		return this.days.today();
	}

	/**
	 * The part of a range up to the account's today: DeskGraph accepts days up to the
	 * latest today of all accounts, which may be tomorrow in this account's zone.
	 * @return the range cut at today, or {@code null} when it starts after today
	 */
	@Nullable
	private DateRange upToToday(DateRange range) {
		LocalDate today = today();
		if (range.from().isAfter(today)) {
			return null;
		}
		return range.to().isAfter(today) ? new DateRange(range.from(), today) : range;
	}

	/**
	 * The first day QueryHistoryUsageDurationRank reaches.
	 */
	private LocalDate earliestDay() {
		return today().minusDays(USAGE_WINDOW_DAYS);
	}

	private void checkRange(DateRange range) {
		checkWindow(range.from(), "range");
	}

	private void checkWindow(LocalDate from, String argument) {
		LocalDate today = today();
		LocalDate earliest = earliestDay();
		if (from.isBefore(earliest)) {
			String what = "range".equals(argument) ? "from" : argument;
			throw new VendorWindowException(argument,
					"Alibaba usage ranking covers only the last " + USAGE_WINDOW_DAYS + " days; " + what
							+ " must be on or after " + earliest + " (today is " + today + " in the account's day zone "
							+ this.days.zone() + "); got " + from);
		}
	}

	/**
	 * A page of a NextToken chain, with the token it was fetched with.
	 */
	private record Page<P>(P payload, @Nullable String token) {

	}

	/**
	 * What identifies a drain of the usage ranking.
	 */
	private record RankingDrain(DateRange range, @Nullable Integer bizType) {

	}

}
