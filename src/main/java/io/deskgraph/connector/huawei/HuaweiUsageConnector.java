package io.deskgraph.connector.huawei;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import io.deskgraph.connector.AccountDays;
import io.deskgraph.connector.DailyTotals;
import io.deskgraph.connector.DerivedViews;
import io.deskgraph.connector.Drain;
import io.deskgraph.connector.DrainJobs;
import io.deskgraph.connector.Freshness;
import io.deskgraph.connector.huawei.payload.DesktopDetail;
import io.deskgraph.connector.huawei.payload.DesktopMetricsParams;
import io.deskgraph.connector.huawei.payload.DesktopMetricsResponse;
import io.deskgraph.connector.huawei.payload.DesktopsDetailResponse;
import io.deskgraph.connector.huawei.payload.UnusedDesktopsResponse;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoRequest;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoResponse;
import io.deskgraph.connector.huawei.payload.UserMetricsParams;
import io.deskgraph.connector.huawei.payload.UserMetricsResponse;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.DesktopType;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportFile;
import io.deskgraph.usage.ExportNotDownloadableException;
import io.deskgraph.usage.ExportStatus;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.VendorWindowException;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.MetricSortField;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.UserMetric;
import io.deskgraph.usage.UserMetricFilter;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorRejectedException;
import io.deskgraph.usage.VendorUnavailableException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Answers DeskGraph's usage questions for one Huawei Cloud Workspace account, paging,
 * splitting date windows and mapping the vendor's payloads to neutral records.
 * <p>
 * Days are the account's days ({@link Account#dayZone()}): ListUsedDesktopInfo takes and
 * answers them as {@code yyyy-MM-dd}, the metric APIs take the UTC instants where they
 * start and end, and the 180-day reach of the metric APIs is counted back from today in
 * that zone. Metric calls are scoped to an enterprise project when the filter names one,
 * else to the account's default project, if any.
 *
 * @author DeskGraph
 */
public final class HuaweiUsageConnector implements UsageConnector {

	/** Page size of the usage metric APIs (their maximum). */
	static final int METRICS_PAGE_SIZE = 100;

	/** Page size of ListUsedDesktopInfo (its maximum). */
	static final int USED_PAGE_SIZE = 100;

	/** Page size of ListUnusedDesktops (its maximum). */
	static final int UNUSED_PAGE_SIZE = 2000;

	/** The largest offset ListUnusedDesktops takes. */
	static final int UNUSED_MAX_OFFSET = 2000;

	/** How many idle desktops ListUnusedDesktops can list at all: its last page's end. */
	static final int UNUSED_REACHABLE = UNUSED_MAX_OFFSET + UNUSED_PAGE_SIZE;

	/** Most days ListUsedDesktopInfo reports in one call. */
	static final int USED_MAX_DAYS = 31;

	/** Most days ListUserUsageMetric reports in one call. */
	static final int USER_METRICS_MAX_DAYS = 30;

	/** How far back ListDesktopUsageMetric and its export reach. */
	static final int DESKTOP_METRICS_MAX_AGE_DAYS = 180;

	/** Most desktop ids ListUsedDesktopInfo takes. */
	static final int MAX_DESKTOP_IDS = 2000;

	/**
	 * Most desktop ids ListDesktopsDetail takes in one call ({@code desktop_id}: at most
	 * 100 items in the API definition), and so the desktops a call answers.
	 */
	static final int DETAIL_BATCH = 100;

	/**
	 * Page size of ListDesktopsDetail when listing every desktop: its {@code limit}
	 * maximum (0 to 1000 in the API definition and SDK 3.1.143; one description says 500,
	 * which a 1000 page never falls short of, as {@code total_count} tells how many pages
	 * to fetch).
	 */
	static final int DETAIL_PAGE_SIZE = 1000;

	private final Account account;

	private final HuaweiWorkspaceClient client;

	private final HuaweiProperties properties;

	private final AccountDays days;

	private final HuaweiMapper mapper;

	private final DrainJobs drains;

	/** Usage windows of the drains this account keeps, grouped per desktop and user. */
	private final DerivedViews views = new DerivedViews();

	/**
	 * The largest total each API has reported for this account, for the first estimate of
	 * how long a new drain takes.
	 */
	private final Map<String, Long> knownTotals = new ConcurrentHashMap<>();

	HuaweiUsageConnector(Account account, HuaweiWorkspaceClient client, HuaweiProperties properties, DrainJobs drains,
			Clock clock) {
		this.account = account;
		this.client = client;
		this.properties = properties;
		this.drains = drains;
		this.days = AccountDays.of(account, clock);
		this.mapper = new HuaweiMapper(account);
	}

	@Override
	public Account account() {
		return this.account;
	}

	@Override
	public int plannedCalls(PlannedQuestion question) {
		return switch (question.kind()) {
			// Status: one call, and one more for the pools when every kind is asked.
			case STATUS -> 2;
			case EXPORT_TASK -> 1;
			case EXPORT -> 2;
			case IDLE -> pages(question.count(), UNUSED_PAGE_SIZE);
			case RANKING -> (question.by() == RankDimension.USER && question.range() != null
					&& question.range().days() > USER_METRICS_MAX_DAYS)
							// One drain job per window, each one call of the request.
							? windows(question.range(), USER_METRICS_MAX_DAYS).size()
							// A whole drain (cost advice) takes as many pages as the
							// account's
							// desktops fill, as far as earlier answers told.
							: pages((question.count() == PlannedQuestion.ALL)
									? this.knownTotals.getOrDefault("ListDesktopUsageMetric", 0L) : question.count(),
									METRICS_PAGE_SIZE);
			case DESKTOP_METRICS, USER_METRICS -> pages(question.count(), METRICS_PAGE_SIZE);
			case USAGE -> usedCalls(question);
			case DAILY_USAGE -> dailyCalls(question.range());
			case DESKTOPS -> pages(question.count(), DETAIL_BATCH);
			// One shared drain job of ListDesktopsDetail, one call of the request.
			case INVENTORY -> 1;
		};
	}

	/**
	 * Calls of ListUsedDesktopInfo: a single 31-day window is read up to the results
	 * wanted; several windows are each drained whole by a shared drain job, which counts
	 * as one call of the request (its pages are the job's, paced by the quota).
	 */
	private int usedCalls(PlannedQuestion question) {
		long days = (question.range() != null) ? question.range().days() : USED_MAX_DAYS;
		long windows = Math.max(1, (days + USED_MAX_DAYS - 1) / USED_MAX_DAYS);
		if (windows == 1) {
			return pages(question.count(), USED_PAGE_SIZE);
		}
		return (int) windows;
	}

	/**
	 * Calls of a daily usage question: each window of ListUsedDesktopInfo is drained
	 * whole by a shared drain job, which counts as one call of the request.
	 */
	private int dailyCalls(@Nullable DateRange range) {
		DateRange past = (range != null) ? upToToday(range) : null;
		return (past != null) ? windows(past, USED_MAX_DAYS).size() : 0;
	}

	private static int pages(long rows, int pageSize) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + pageSize - 1) / pageSize));
	}

	@Override
	public Mono<StatusCounts> desktopStatus(StatusFilter filter) {
		List<String> types = filter.desktopTypes().stream().map(DesktopType::name).toList();
		Mono<StatusCounts> counts = this.client.listDesktopsStatistics(types, filter.poolIds())
			.map(this.mapper::statusCounts);
		String pooled = DesktopType.POOLED.name();
		if (!filter.withPools() || types.contains(pooled)) {
			// Asked for pooled desktops, the one answer has the pools too.
			return counts;
		}
		if (!types.isEmpty()) {
			// No pooled desktop in the selection: no pool to count.
			return counts.map((all) -> withPools(all, List.of()));
		}
		// The vendor counts pools only when asked for pooled desktops: a second call, at
		// the same time, for them alone.
		return Mono.zip(counts,
				this.client.listDesktopsStatistics(List.of(pooled), filter.poolIds()).map(this.mapper::statusCounts),
				(all, pools) -> withPools(all, pools.pools()));
	}

	private static StatusCounts withPools(StatusCounts counts, List<PoolStatus> pools) {
		return new StatusCounts(counts.total(), counts.attach(), counts.run(), counts.login(), pools);
	}

	@Override
	public Mono<Slice<IdleDesktop>> idleDesktops(Instant since, Instant until, long offset, int count) {
		if (offset >= UNUSED_REACHABLE) {
			// Never an offset the vendor refuses: past its reach is the client's limit to
			// know, and only this account's.
			return Mono.error(new VendorWindowException("after",
					"Huawei ListUnusedDesktops lists only the first " + UNUSED_REACHABLE
							+ " idle desktops (offset 0 to " + UNUSED_MAX_OFFSET + ", " + UNUSED_PAGE_SIZE
							+ " a page); this page would start at " + offset));
		}
		// A slice reaching past it ends there; the next page says why.
		int reachable = (int) Math.min(count, UNUSED_REACHABLE - offset);
		return walk("ListUnusedDesktops", offset, reachable, UNUSED_PAGE_SIZE,
				(pageOffset) -> this.client.listUnusedDesktops(since, until, pageOffset, UNUSED_PAGE_SIZE),
				UnusedDesktopsResponse::unusedDesktops, this.mapper::idleDesktop, UnusedDesktopsResponse::totalCount);
	}

	@Override
	public Mono<Slice<DesktopUsage>> desktopUsage(UsageQuery asked, long offset, int count) {
		return Mono.defer(() -> {
			if (asked.desktopIds().size() > MAX_DESKTOP_IDS) {
				throw new InvalidArgumentException("desktopIds", "Huawei desktop usage takes at most " + MAX_DESKTOP_IDS
						+ " desktop ids per query; got " + asked.desktopIds().size());
			}
			DateRange past = upToToday(asked.range());
			if (past == null) {
				return Mono.just(new Slice<DesktopUsage>(List.of(), 0));
			}
			UsageQuery query = new UsageQuery(past, asked.granularity(), asked.desktopIds(), asked.userName(),
					asked.withPoints());
			List<DateRange> windows = windows(query.range(), USED_MAX_DAYS);
			if (windows.size() == 1) {
				return usedDesktops(query, windows.get(0), offset, count);
			}
			// Entries of one desktop and user spread over several windows merge into one,
			// so every window is drained before the merged list can be sliced.
			return Flux.fromIterable(windows)
				// Windows one after the other: each drain fetches its pages a few at a
				// time.
				.concatMap((window) -> usedDrain(query, window))
				.collectList()
				.map((drained) -> {
					List<List<DesktopUsage>> windowEntries = drained.stream().map(Slice::items).toList();
					return HuaweiMapper.mergedPage(
							this.views.of("merged", windowEntries, () -> HuaweiMapper.group(windowEntries)), offset,
							count);
				});
		});
	}

	/**
	 * Usage per day from the drains of the ListUsedDesktopInfo windows that
	 * {@link #desktopUsage} asks for all desktops per day, so the two share their pages
	 * (and, over several windows, their drains), summed over every desktop and user.
	 */
	@Override
	public Mono<List<UsagePoint>> dailyUsage(DateRange asked) {
		return Mono.defer(() -> {
			DateRange range = upToToday(asked);
			if (range == null) {
				return Mono.just(List.<UsagePoint>of());
			}
			UsageQuery query = new UsageQuery(range, Granularity.DAY, List.of(), null, true);
			DailyTotals totals = new DailyTotals(range);
			// Windows one after the other, as desktopUsage drains them.
			return Flux.fromIterable(windows(range, USED_MAX_DAYS))
				.concatMap((window) -> usedDrain(query, window))
				.doOnNext((drained) -> drained.items()
					.forEach((usage) -> usage.points()
						.forEach((point) -> totals.add(point.date(), point.duration().seconds()))))
				.then(Mono.fromSupplier(totals::points));
		});
	}

	@Override
	public Mono<Slice<UsageTotal>> usageRanking(DateRange asked, RankDimension by, long offset, int count) {
		return Mono.defer(() -> {
			DateRange range = upToToday(asked);
			if (range == null) {
				return Mono.just(new Slice<UsageTotal>(List.of(), 0));
			}
			if (by == RankDimension.USER) {
				if (range.days() > USER_METRICS_MAX_DAYS) {
					return userRankingAcrossWindows(range, offset, count);
				}
				UserMetricsParams params = new UserMetricsParams(range.from(), range.to(), null, null, null,
						"user_usage", "DESC", this.account.enterpriseProjectId());
				return walk("ListUserUsageMetric", offset, count, METRICS_PAGE_SIZE,
						(pageOffset) -> this.client.listUserUsageMetric(params, pageOffset, METRICS_PAGE_SIZE),
						UserMetricsResponse::items, this.mapper::userTotal, UserMetricsResponse::count);
			}
			checkDesktopMetricsWindow(range, "desktop usage metrics");
			DesktopMetricsParams params = new DesktopMetricsParams(range.from(), range.to(), null, null, null, null,
					null, "desktop_usage", "DESC", this.account.enterpriseProjectId());
			return walk("ListDesktopUsageMetric", offset, count, METRICS_PAGE_SIZE,
					(pageOffset) -> this.client.listDesktopUsageMetric(params, pageOffset, METRICS_PAGE_SIZE),
					DesktopMetricsResponse::items, this.mapper::desktopTotal, DesktopMetricsResponse::count);
		});
	}

	@Override
	public Mono<Slice<DesktopMetric>> desktopMetrics(DateRange asked, DesktopMetricFilter filter, MetricSort sort,
			long offset, int count) {
		return Mono.defer(() -> {
			DateRange range = upToToday(asked);
			if (range == null) {
				return Mono.just(new Slice<DesktopMetric>(List.of(), 0));
			}
			checkDesktopMetricsWindow(range, "desktop usage metrics");
			DesktopMetricsParams params = desktopMetricsParams(range, filter, sort);
			return walk("ListDesktopUsageMetric", offset, count, METRICS_PAGE_SIZE,
					(pageOffset) -> this.client.listDesktopUsageMetric(params, pageOffset, METRICS_PAGE_SIZE),
					DesktopMetricsResponse::items, this.mapper::desktopMetric, DesktopMetricsResponse::count);
		});
	}

	@Override
	public Mono<Slice<UserMetric>> userMetrics(DateRange asked, UserMetricFilter filter, MetricSort sort, long offset,
			int count) {
		return Mono.defer(() -> {
			DateRange range = upToToday(asked);
			if (range == null) {
				return Mono.just(new Slice<UserMetric>(List.of(), 0));
			}
			checkUserMetricsWindow(range);
			UserMetricsParams params = userMetricsParams(range, filter, sort);
			return walk("ListUserUsageMetric", offset, count, METRICS_PAGE_SIZE,
					(pageOffset) -> this.client.listUserUsageMetric(params, pageOffset, METRICS_PAGE_SIZE),
					UserMetricsResponse::items, this.mapper::userMetric, UserMetricsResponse::count);
		});
	}

	@Override
	public Mono<ExportTask> startDesktopUsageExport(DateRange range, DesktopMetricFilter filter, MetricSort sort) {
		return Mono.defer(() -> {
			checkDesktopMetricsWindow(range, "desktop usage exports");
			DesktopMetricsParams params = desktopMetricsParams(range, filter, sort);
			return this.client.exportDesktopUsageMetric(params).flatMap((created) -> {
				String taskId = created.taskId();
				if (taskId == null || taskId.isBlank()) {
					return Mono.error(VendorUnavailableException.malformed(Vendor.HUAWEI, this.account.id(),
							"ExportDesktopUsageMetric", "answered without a task_id", null));
				}
				return this.client.listExportTasks(taskId)
					.map((tasks) -> this.mapper.find(tasks, taskId)
						.orElseGet(() -> new ExportTask(this.mapper.exportTaskId(taskId), this.account.id(), taskId,
								ExportStatus.CREATING, null, null, null, null, null, null, null)));
			});
		});
	}

	@Override
	public Mono<ExportTask> exportTask(String nativeId) {
		return this.client.listExportTasks(nativeId)
			.flatMap((tasks) -> Mono.justOrEmpty(this.mapper.find(tasks, nativeId)));
	}

	@Override
	public Mono<ExportFile> downloadExportFile(String nativeId) {
		String id = this.mapper.exportTaskId(nativeId);
		return this.client.downloadExportFile(nativeId).map((entity) -> {
			HttpHeaders headers = entity.getHeaders();
			Flux<DataBuffer> body = entity.getBody();
			return new ExportFile(id, this.account.id(), headers.getFirst(HttpHeaders.CONTENT_TYPE),
					headers.getFirst(HttpHeaders.CONTENT_DISPOSITION), headers.getContentLength(),
					(body != null) ? body : Flux.empty());
		})
			// Its answer for a task without a file is undocumented; the documented task
			// list decides whether the task is unknown, not ready, failed or expired.
			.onErrorResume(VendorRejectedException.class,
					(rejected) -> exportTask(nativeId)
						.flatMap((task) -> (task.status() == ExportStatus.SUCCESS) ? Mono.<ExportFile>error(rejected)
								: Mono.<ExportFile>error(new ExportNotDownloadableException(id, task)))
						.switchIfEmpty(Mono.error(() -> new ExportNotDownloadableException(id, null))));
	}

	/**
	 * Desktops by id from ListDesktopsDetail, {@value #DETAIL_BATCH} ids a call (the most
	 * its {@code desktop_id} filter takes), the batches at the same time; the ids are
	 * sorted so that the same ids are the same cached calls. An account scoped to an
	 * enterprise project knows only that project's desktops.
	 */
	@Override
	public Mono<Map<String, Desktop>> desktops(List<String> nativeIds) {
		List<String> ids = nativeIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += DETAIL_BATCH) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + DETAIL_BATCH)));
		}
		return Flux.fromIterable(batches)
			.flatMap((batch) -> this.client.listDesktopsDetail(batch, this.account.enterpriseProjectId()),
					this.properties.pageFetchConcurrency())
			.flatMapIterable(DesktopsDetailResponse::desktops)
			.filter((detail) -> detail.desktopId() != null)
			.collectMap(DesktopDetail::desktopId, (detail) -> HuaweiDesktopDetails.desktop(this.account, detail));
	}

	/**
	 * Every desktop of the project (of the account's enterprise project, when it has
	 * one), with spec and billing, from one shared drain job of ListDesktopsDetail at its
	 * largest page kept for {@code deskgraph.cache.inventory-ttl}: the first page (it
	 * carries the total), then the others a few at a time.
	 */
	@Override
	public Mono<List<Desktop>> desktopInventory() {
		String operation = "ListDesktopsDetail";
		String enterpriseProject = this.account.enterpriseProjectId();
		Drain drain = new Drain(Vendor.HUAWEI, this.account.id(), operation, new InventoryDrain(enterpriseProject),
				Freshness.INVENTORY, "desktop inventory");
		int expected = pages(this.knownTotals.getOrDefault(operation, 0L), DETAIL_PAGE_SIZE);
		Function<DesktopsDetailResponse, List<Desktop>> items = (page) -> page.desktops()
			.stream()
			.filter((detail) -> detail.desktopId() != null)
			.map((detail) -> HuaweiDesktopDetails.desktop(this.account, detail))
			.toList();
		return this.drains.drain(drain, expected,
				(progress) -> Mono
					.defer(() -> this.client.listDesktopsDetailPage(0, DETAIL_PAGE_SIZE, enterpriseProject))
					.flatMap((first) -> {
						progress.page();
						progress.expectItems(first.totalCount(), DETAIL_PAGE_SIZE);
						this.knownTotals.merge(operation, first.totalCount(), Math::max);
						Flux<List<Desktop>> rest = Flux.range(1, progress.expectedPages() - 1)
							.flatMapSequential((page) -> this.client
								.listDesktopsDetailPage((long) page * DETAIL_PAGE_SIZE, DETAIL_PAGE_SIZE,
										enterpriseProject)
								.doOnNext((answer) -> progress.page())
								.map(items), this.properties.pageFetchConcurrency());
						return Flux.concat(Mono.just(items.apply(first)), rest)
							.flatMapIterable(Function.identity())
							.collectList();
					}));
	}

	/**
	 * Walks offset pages of one vendor API: pages are requested at the vendor's size and
	 * aligned to multiples of it, the page holding {@code offset} first (it carries the
	 * total), then the remaining pages up to {@code offset + count} in parallel; the
	 * concatenation is cut to the requested slice, whose entries alone are mapped.
	 */
	private <P, R, T> Mono<Slice<T>> walk(String operation, long offset, int count, int pageSize,
			LongFunction<Mono<P>> fetch, Function<P, List<R>> items, Function<R, T> map, ToLongFunction<P> total) {
		long firstPage = (offset / pageSize) * pageSize;
		if (firstPage > Integer.MAX_VALUE - pageSize) {
			return Mono.error(new InvalidArgumentException("after",
					"offset " + offset + " is beyond what Huawei " + operation + " can page to"));
		}
		return Mono.defer(() -> fetch.apply(firstPage)).flatMap((first) -> {
			long vendorTotal = total.applyAsLong(first);
			this.knownTotals.merge(operation, vendorTotal, Math::max);
			long end = Math.min(offset + count, vendorTotal);
			long lastPage = (end > firstPage) ? ((end - 1) / pageSize) * pageSize : firstPage;
			long pages = (lastPage - firstPage) / pageSize + 1;
			Flux<R> rest = Flux.range(1, (int) pages - 1)
				.flatMapSequential((page) -> fetch.apply(firstPage + (long) page * pageSize).map(items),
						this.properties.pageFetchConcurrency())
				.flatMapIterable(Function.identity());
			// Only the entries of the slice are mapped: a page may hold thousands.
			return Flux.fromIterable(items.apply(first))
				.concatWith(rest)
				.skip(offset - firstPage)
				.take(Math.max(0, end - offset))
				.map(map)
				.collectList()
				.map((list) -> new Slice<>(list, vendorTotal));
		});
	}

	private Mono<Slice<DesktopUsage>> usedDesktops(UsageQuery query, DateRange window, long offset, int count) {
		return walk("ListUsedDesktopInfo", offset, count, USED_PAGE_SIZE,
				(pageOffset) -> this.client.listUsedDesktopInfo(usedRequest(query, window, pageOffset)),
				UsedDesktopInfoResponse::desktopUsedInfoList,
				(info) -> this.mapper.desktopUsage(info, query.granularity()), UsedDesktopInfoResponse::totalCount);
	}

	/**
	 * Every entry of ListUsedDesktopInfo in one window, from a shared drain job: the
	 * first page (it carries the total), then the others a few at a time.
	 */
	private Mono<Slice<DesktopUsage>> usedDrain(UsageQuery query, DateRange window) {
		String operation = "ListUsedDesktopInfo";
		Drain drain = new Drain(Vendor.HUAWEI, this.account.id(), operation, usedRequest(query, window, 0),
				this.days.ofWindowEnding(window.to()), "desktop usage from " + window.from() + " to " + window.to());
		int expected = pages(this.knownTotals.getOrDefault(operation, 0L), USED_PAGE_SIZE);
		Function<UsedDesktopInfoResponse, List<DesktopUsage>> items = (page) -> page.desktopUsedInfoList()
			.stream()
			.map((info) -> this.mapper.desktopUsage(info, query.granularity()))
			.toList();
		return this.drains.drain(drain, expected,
				(progress) -> Mono.defer(() -> this.client.listUsedDesktopInfo(usedRequest(query, window, 0)))
					.flatMap((first) -> {
						progress.page();
						progress.expectItems(first.totalCount(), USED_PAGE_SIZE);
						this.knownTotals.merge(operation, first.totalCount(), Math::max);
						Flux<List<DesktopUsage>> rest = Flux.range(1, progress.expectedPages() - 1)
							.flatMapSequential((page) -> this.client
								.listUsedDesktopInfo(usedRequest(query, window, (long) page * USED_PAGE_SIZE))
								.doOnNext((answer) -> progress.page())
								.map(items), this.properties.pageFetchConcurrency());
						return Flux.concat(Mono.just(items.apply(first)), rest)
							.flatMapIterable(Function.identity())
							.collectList();
					}))
			.map((entries) -> new Slice<>(entries, entries.size()));
	}

	/**
	 * A user ranking over more days than ListUserUsageMetric takes: usage per user adds
	 * up across windows, so each window of at most 30 days is drained whole by a shared
	 * drain job and the users' sums are ranked (longest first, then by name).
	 */
	private Mono<Slice<UsageTotal>> userRankingAcrossWindows(DateRange range, long offset, int count) {
		return Flux.fromIterable(windows(range, USER_METRICS_MAX_DAYS))
			.concatMap(this::userDrain)
			.collectList()
			.map((drained) -> {
				List<UsageTotal> ranked = this.views.of("user-ranking", drained,
						() -> HuaweiMapper.rankedUsers(drained));
				int from = (int) Math.min(ranked.size(), offset);
				int to = (int) Math.min(ranked.size(), (long) from + Math.max(0, count));
				return new Slice<>(List.copyOf(ranked.subList(from, to)), ranked.size());
			});
	}

	/**
	 * Every user's usage in one window of ListUserUsageMetric, from a shared drain job:
	 * the first page (it carries the total), then the others a few at a time.
	 */
	private Mono<List<UsageTotal>> userDrain(DateRange window) {
		String operation = "ListUserUsageMetric";
		UserMetricsParams params = new UserMetricsParams(window.from(), window.to(), null, null, null, "user_usage",
				"DESC", this.account.enterpriseProjectId());
		Drain drain = new Drain(Vendor.HUAWEI, this.account.id(), operation, params,
				this.days.ofWindowEnding(window.to()), "user usage from " + window.from() + " to " + window.to());
		int expected = pages(this.knownTotals.getOrDefault(operation, 0L), METRICS_PAGE_SIZE);
		Function<UserMetricsResponse, List<UsageTotal>> items = (
				page) -> page.items().stream().map(this.mapper::userTotal).toList();
		return this.drains.drain(drain, expected,
				(progress) -> Mono.defer(() -> this.client.listUserUsageMetric(params, 0, METRICS_PAGE_SIZE))
					.flatMap((first) -> {
						progress.page();
						progress.expectItems(first.count(), METRICS_PAGE_SIZE);
						this.knownTotals.merge(operation, first.count(), Math::max);
						Flux<List<UsageTotal>> rest = Flux.range(1, progress.expectedPages() - 1)
							.flatMapSequential((page) -> this.client
								.listUserUsageMetric(params, (long) page * METRICS_PAGE_SIZE, METRICS_PAGE_SIZE)
								.doOnNext((answer) -> progress.page())
								.map(items), this.properties.pageFetchConcurrency());
						return Flux.concat(Mono.just(items.apply(first)), rest)
							.flatMapIterable(Function.identity())
							.collectList();
					}));
	}

	private UsedDesktopInfoRequest usedRequest(UsageQuery query, DateRange window, long offset) {
		return new UsedDesktopInfoRequest(query.desktopIds(), window.from().toString(), window.to().toString(),
				query.granularity().name(), query.userName(), (int) offset, USED_PAGE_SIZE);
	}

	/**
	 * Consecutive windows of at most {@code maxDays} covering a range.
	 */
	static List<DateRange> windows(DateRange range, int maxDays) {
		List<DateRange> windows = new ArrayList<>();
		LocalDate from = range.from();
		while (!from.isAfter(range.to())) {
			LocalDate to = from.plusDays(maxDays - 1);
			if (to.isAfter(range.to())) {
				to = range.to();
			}
			windows.add(new DateRange(from, to));
			from = to.plusDays(1);
		}
		return windows;
	}

	private DesktopMetricsParams desktopMetricsParams(DateRange range, @Nullable DesktopMetricFilter filter,
			@Nullable MetricSort sort) {
		DesktopMetricFilter given = (filter != null) ? filter : DesktopMetricFilter.NONE;
		String sortField = null;
		String sortType = null;
		if (sort != null) {
			sortField = switch (sort.field()) {
				case DESKTOP_USAGE -> "desktop_usage";
				case DESKTOP_IDLE_DURATION -> "desktop_idle_duration";
				case USER_USAGE -> throw new InvalidArgumentException("sort",
						"Huawei desktop metrics sort by DESKTOP_USAGE or DESKTOP_IDLE_DURATION, not USER_USAGE");
			};
			sortType = sort.effectiveDirection().name();
		}
		return new DesktopMetricsParams(range.from(), range.to(), given.desktopName(), given.minIdleDays(),
				given.maxIdleDays(), given.usageMinHours(), given.usageMaxHours(), sortField, sortType,
				enterpriseProject(given.enterpriseProjectId()));
	}

	private UserMetricsParams userMetricsParams(DateRange range, @Nullable UserMetricFilter filter,
			@Nullable MetricSort sort) {
		UserMetricFilter given = (filter != null) ? filter : UserMetricFilter.NONE;
		String sortField = null;
		String sortType = null;
		if (sort != null) {
			if (sort.field() != MetricSortField.USER_USAGE) {
				throw new InvalidArgumentException("sort",
						"Huawei user metrics sort by USER_USAGE only, not " + sort.field());
			}
			sortField = "user_usage";
			sortType = sort.effectiveDirection().name();
		}
		return new UserMetricsParams(range.from(), range.to(), given.userName(), given.usageMinHours(),
				given.usageMaxHours(), sortField, sortType, enterpriseProject(given.enterpriseProjectId()));
	}

	/**
	 * The enterprise project a query is scoped to: the one it names, else the account's.
	 */
	@Nullable
	private String enterpriseProject(@Nullable String named) {
		return (named != null) ? named : this.account.enterpriseProjectId();
	}

	/**
	 * The part of a range up to the account's today: DeskGraph accepts days up to the
	 * latest today of all accounts, which may be tomorrow in this account's zone.
	 * @return the range cut at today, or {@code null} when it starts after today
	 */
	@Nullable
	private DateRange upToToday(DateRange range) {
		LocalDate today = this.days.today();
		if (range.from().isAfter(today)) {
			return null;
		}
		return range.to().isAfter(today) ? new DateRange(range.from(), today) : range;
	}

	private void checkDesktopMetricsWindow(DateRange range, String what) {
		LocalDate today = this.days.today();
		LocalDate earliest = today.minusDays(DESKTOP_METRICS_MAX_AGE_DAYS);
		if (range.from().isBefore(earliest)) {
			throw new VendorWindowException("range",
					"Huawei " + what + " cover only the last " + DESKTOP_METRICS_MAX_AGE_DAYS
							+ " days; the range starts " + range.from() + ", before the earliest day " + earliest
							+ " (today is " + today + " in the account's day zone " + this.days.zone() + ")");
		}
	}

	private static void checkUserMetricsWindow(DateRange range) {
		if (range.days() > USER_METRICS_MAX_DAYS) {
			throw new VendorWindowException("range", "Huawei user usage metrics cover at most " + USER_METRICS_MAX_DAYS
					+ " days per query; the range has " + range.days() + " days");
		}
	}

	/**
	 * What identifies a drain of the desktop inventory: the enterprise project it is
	 * scoped to, if any.
	 */
	private record InventoryDrain(@Nullable String enterpriseProjectId) {

	}

}
