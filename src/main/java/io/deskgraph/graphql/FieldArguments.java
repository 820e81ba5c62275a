package io.deskgraph.graphql;

import java.time.Instant;
import java.util.List;

import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.DesktopType;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.UserMetricFilter;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * The argument records GraphQL root fields bind to, one per field; each names the query
 * its cursors belong to.
 *
 * @author DeskGraph
 */
final class FieldArguments {

	private FieldArguments() {
	}

	/**
	 * Arguments of {@code desktopStatus}.
	 *
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 * @param desktopTypes only these desktop kinds
	 * @param poolIds only these pools
	 */
	record Status(@Nullable List<Vendor> vendors, @Nullable List<String> accountIds,
			@Nullable List<DesktopType> desktopTypes, @Nullable List<String> poolIds) {
	}

	/**
	 * Arguments of {@code idleDesktops}.
	 *
	 * @param since start of the window
	 * @param until end of the window
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record Idle(@Nullable Instant since, @Nullable Instant until, @Nullable List<Vendor> vendors,
			@Nullable List<String> accountIds, @Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code desktopUsage}.
	 *
	 * @param range the days
	 * @param granularity bucket size
	 * @param desktopIds only these desktops (global ids)
	 * @param userName only this user
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record Usage(DateRange range, @Nullable Granularity granularity, @Nullable List<String> desktopIds,
			@Nullable String userName, @Nullable List<Vendor> vendors, @Nullable List<String> accountIds,
			@Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code usageRanking}.
	 *
	 * @param range the days
	 * @param by what to rank
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record Ranking(DateRange range, @Nullable RankDimension by, @Nullable List<Vendor> vendors,
			@Nullable List<String> accountIds, @Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code usageTrend}.
	 *
	 * @param range the days
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 */
	record Trend(DateRange range, @Nullable List<Vendor> vendors, @Nullable List<String> accountIds) {
	}

	/**
	 * Arguments of {@code desktopMetrics}.
	 *
	 * @param range the days
	 * @param filter vendor-side filters
	 * @param sort the order
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record DesktopMetrics(DateRange range, @Nullable DesktopMetricFilter filter, @Nullable MetricSort sort,
			@Nullable List<String> accountIds, @Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code userMetrics}.
	 *
	 * @param range the days
	 * @param filter vendor-side filters
	 * @param sort the order
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record UserMetrics(DateRange range, @Nullable UserMetricFilter filter, @Nullable MetricSort sort,
			@Nullable List<String> accountIds, @Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code billingAdvice}.
	 *
	 * @param range the days usage is judged over
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 * @param first page size
	 * @param after cursor to resume after
	 */
	record Advice(DateRange range, @Nullable List<Vendor> vendors, @Nullable List<String> accountIds,
			@Nullable Integer first, @Nullable String after) {
	}

	/**
	 * Arguments of {@code costSummary}.
	 *
	 * @param range the days usage is judged over
	 * @param vendors only these vendors
	 * @param accountIds only these accounts
	 */
	record Costs(DateRange range, @Nullable List<Vendor> vendors, @Nullable List<String> accountIds) {
	}

}
