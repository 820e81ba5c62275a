package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.connector.DailyTotals;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.MetricSortField;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.SortDirection;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.UserMetric;
import io.deskgraph.usage.UserMetricFilter;
import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers the usage questions (usage history, trends, rankings, metrics, exports) across
 * the selected accounts, merging their answers into one paged order or one sum.
 *
 * @author DeskGraph
 */
@Service
class UsageService {

	private final AccountRegistry accounts;

	private final SourceFanOut fanOut;

	private final SourcePager pager;

	private final UsageWindows windows;

	UsageService(AccountRegistry accounts, SourceFanOut fanOut, SourcePager pager, UsageWindows windows) {
		this.accounts = accounts;
		this.fanOut = fanOut;
		this.pager = pager;
		this.windows = windows;
	}

	Mono<Connection<DesktopUsage>> desktopUsage(FieldArguments.Usage args, boolean withPoints) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		Granularity granularity = Objects.requireNonNullElse(args.granularity(), Granularity.DAY);
		return AccountScope.current().flatMap((scope) -> {
			List<UsageConnector> selected = this.accounts.select(scope, args.vendors(), args.accountIds());
			Map<String, List<String>> desktopIds = nativeDesktopIds(scope, args.desktopIds(), selected);
			List<UsageConnector> connectors = desktopIds.isEmpty() ? selected
					: selected.stream().filter((c) -> desktopIds.containsKey(c.account().id())).toList();
			PageRequest page = PageRequest.of(args.first(), args.after(), "desktopUsage|" + range + "|" + granularity
					+ "|" + args.desktopIds() + "|" + args.userName() + "|" + args.vendors() + "|" + args.accountIds());
			return this.pager.page(connectors, page,
					(connector, offset, count) -> connector.desktopUsage(new UsageQuery(range, granularity,
							desktopIds.getOrDefault(connector.account().id(), List.of()), args.userName(), withPoints),
							offset, count),
					null, (usage, position) -> usage);
		});
	}

	private Map<String, List<String>> nativeDesktopIds(AccountScope scope, @Nullable List<String> desktopIds,
			List<UsageConnector> selected) {
		Map<String, List<String>> byAccount = new LinkedHashMap<>();
		if (desktopIds == null) {
			return byAccount;
		}
		if (desktopIds.isEmpty()) {
			throw new InvalidArgumentException("desktopIds", "must not be empty; leave it out to report all desktops");
		}
		for (String id : desktopIds) {
			GlobalId globalId = GlobalId.parse(id, "desktopIds");
			UsageConnector connector = this.accounts.get(scope, globalId.accountId(), "desktopIds");
			if (connector.account().vendor() != globalId.vendor()) {
				throw new InvalidArgumentException("desktopIds",
						"'" + id + "' names vendor " + globalId.vendor() + " but account " + globalId.accountId()
								+ " belongs to vendor " + connector.account().vendor());
			}
			if (!selected.contains(connector)) {
				throw new InvalidArgumentException("desktopIds", "'" + id + "' belongs to account "
						+ globalId.accountId() + ", which vendors/accountIds exclude");
			}
			byAccount.computeIfAbsent(globalId.accountId(), (key) -> new ArrayList<>()).add(globalId.nativeId());
		}
		return byAccount;
	}

	/**
	 * Usage per day of the selected accounts' whole estates: each account's days summed
	 * over its desktops by its connector, then each date summed over the accounts that
	 * answered, over every day of the window (cut at the latest today of any account).
	 */
	Mono<UsageTrend> usageTrend(FieldArguments.Trend args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		return AccountScope.current()
			.flatMap((scope) -> this.fanOut.ask(this.accounts.select(scope, args.vendors(), args.accountIds()),
					(connector) -> connector.dailyUsage(range)))
			.map((outcomes) -> trend(range, outcomes));
	}

	private static UsageTrend trend(DateRange range, List<SourceOutcome<List<UsagePoint>>> outcomes) {
		DailyTotals sum = new DailyTotals(range);
		List<AccountUsageTrend> byAccount = new ArrayList<>();
		for (SourceOutcome<List<UsagePoint>> outcome : outcomes) {
			List<UsagePoint> points = outcome.value();
			if (points == null) {
				continue;
			}
			points.forEach((point) -> sum.add(point.date(), point.duration().seconds()));
			byAccount.add(new AccountUsageTrend(outcome.connector().account(), total(points), points));
		}
		List<UsagePoint> points = sum.points();
		return new UsageTrend(total(points), points, byAccount, outcomes.stream().map(SourceOutcome::status).toList());
	}

	private static UsageDuration total(List<UsagePoint> points) {
		return UsageDuration.ofSeconds(points.stream().mapToLong((point) -> point.duration().seconds()).sum());
	}

	Mono<Connection<UsageRankEntry>> usageRanking(FieldArguments.Ranking args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		RankDimension by = Objects.requireNonNullElse(args.by(), RankDimension.DESKTOP);
		PageRequest page = PageRequest.of(args.first(), args.after(),
				"usageRanking|" + range + "|" + by + "|" + args.vendors() + "|" + args.accountIds());
		Comparator<UsageTotal> longestFirst = Comparator.comparingLong((UsageTotal total) -> total.duration().seconds())
			.reversed();
		return AccountScope.current()
			.flatMap((scope) -> this.pager.page(this.accounts.select(scope, args.vendors(), args.accountIds()), page,
					(connector, offset, count) -> connector.usageRanking(range, by, offset, count), longestFirst,
					(total, position) -> new UsageRankEntry((int) Math.min(position + 1, Integer.MAX_VALUE),
							total.desktop(), total.userName(), total.duration())));
	}

	Mono<Connection<DesktopMetric>> desktopMetrics(FieldArguments.DesktopMetrics args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		DesktopMetricFilter filter = MetricArguments.check(args.filter());
		MetricSort sort = MetricArguments.check(args.sort(), MetricSortField.DESKTOP_USAGE);
		PageRequest page = PageRequest.of(args.first(), args.after(),
				"desktopMetrics|" + range + "|" + filter + "|" + sort + "|" + args.accountIds());
		Comparator<DesktopMetric> order = Comparator
			.comparingLong((DesktopMetric metric) -> (sort.field() == MetricSortField.DESKTOP_IDLE_DURATION)
					? metric.idle().seconds() : metric.usage().seconds());
		return AccountScope.current()
			.flatMap((scope) -> this.pager.page(this.accounts.select(scope, null, args.accountIds()), page,
					(connector, offset, count) -> connector.desktopMetrics(range, filter, sort, offset, count),
					(sort.effectiveDirection() == SortDirection.DESC) ? order.reversed() : order,
					(metric, position) -> metric));
	}

	Mono<Connection<UserMetric>> userMetrics(FieldArguments.UserMetrics args) {
		DateRange range = this.windows.pastDays(args.range(), "range");
		UserMetricFilter filter = MetricArguments.check(args.filter());
		MetricSort sort = MetricArguments.check(args.sort(), MetricSortField.USER_USAGE);
		PageRequest page = PageRequest.of(args.first(), args.after(),
				"userMetrics|" + range + "|" + filter + "|" + sort + "|" + args.accountIds());
		Comparator<UserMetric> order = Comparator.comparingLong((UserMetric metric) -> metric.usage().seconds());
		return AccountScope.current()
			.flatMap((scope) -> this.pager.page(this.accounts.select(scope, null, args.accountIds()), page,
					(connector, offset, count) -> connector.userMetrics(range, filter, sort, offset, count),
					(sort.effectiveDirection() == SortDirection.DESC) ? order.reversed() : order,
					(metric, position) -> metric));
	}

	Mono<ExportTask> startDesktopUsageExport(DesktopUsageExportInput input) {
		DateRange range = this.windows.pastDays(input.range(), "input.range");
		DesktopMetricFilter filter = MetricArguments.check(input.filter());
		MetricSort sort = MetricArguments.check(input.sort(), MetricSortField.DESKTOP_USAGE);
		return AccountScope.current()
			.flatMap((scope) -> this.accounts.get(scope, input.accountId(), "input.accountId")
				.startDesktopUsageExport(range, filter, sort));
	}

	Mono<ExportTask> exportTask(String id) {
		GlobalId taskId = GlobalId.parse(id, "id");
		return AccountScope.current().flatMap((scope) -> {
			UsageConnector connector = this.accounts.get(scope, taskId.accountId(), "id");
			if (connector.account().vendor() != taskId.vendor()) {
				throw new InvalidArgumentException("id", "'" + id + "' names vendor " + taskId.vendor()
						+ " but account " + taskId.accountId() + " belongs to vendor " + connector.account().vendor());
			}
			return connector.exportTask(taskId.nativeId());
		});
	}

}
