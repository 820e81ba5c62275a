package io.deskgraph.usage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;

/**
 * What DeskGraph asks of one vendor account, in vendor-neutral records; each vendor
 * implements the questions it has an API for.
 * <p>
 * Paged methods take an offset into the vendor's own order and a count, and answer a
 * {@link Slice} from that offset with the vendor's total; a count larger than what is
 * left drains the rest. Window limits the vendor imposes are checked before any call and
 * raise {@link io.deskgraph.usage.InvalidArgumentException}. Vendor failures arrive as
 * {@link VendorException}s; questions without a vendor API as
 * {@link UnsupportedQueryException}.
 *
 * @author DeskGraph
 */
public interface UsageConnector {

	/**
	 * The account this connector talks to.
	 * @return the account
	 */
	Account account();

	/**
	 * Desktop counts by state.
	 * @param filter which desktops to count
	 * @return the counts
	 */
	default Mono<StatusCounts> desktopStatus(StatusFilter filter) {
		return unsupported("desktop status");
	}

	/**
	 * Desktops with no usage in a window.
	 * @param since start of the window
	 * @param until end of the window
	 * @param offset first result wanted
	 * @param count results wanted
	 * @return the slice
	 */
	default Mono<Slice<IdleDesktop>> idleDesktops(Instant since, Instant until, long offset, int count) {
		return unsupported("idle desktops");
	}

	/**
	 * Usage per desktop and user in a window.
	 * @param query what to report
	 * @param offset first result wanted
	 * @param count results wanted
	 * @return the slice
	 */
	default Mono<Slice<DesktopUsage>> desktopUsage(UsageQuery query, long offset, int count) {
		return unsupported("desktop usage");
	}

	/**
	 * Usage of all the account's desktops summed per day, from the same vendor calls (and
	 * so the same cached pages) as the per-day points of
	 * {@link #desktopUsage(UsageQuery, long, int)}.
	 * @param range the days
	 * @return one point per day of the range up to the account's today, in date order, a
	 * day without usage as zero; empty when the range starts after the account's today
	 */
	default Mono<List<UsagePoint>> dailyUsage(DateRange range) {
		return unsupported("daily usage");
	}

	/**
	 * Desktops or users by usage in a window, longest first.
	 * @param range the days
	 * @param by what to rank
	 * @param offset first result wanted
	 * @param count results wanted
	 * @return the slice
	 */
	default Mono<Slice<UsageTotal>> usageRanking(DateRange range, RankDimension by, long offset, int count) {
		return unsupported("usage ranking");
	}

	/**
	 * Per-desktop usage and idle metrics.
	 * @param range the days
	 * @param filter vendor-side filters
	 * @param sort the order
	 * @param offset first result wanted
	 * @param count results wanted
	 * @return the slice
	 */
	default Mono<Slice<DesktopMetric>> desktopMetrics(DateRange range, DesktopMetricFilter filter, MetricSort sort,
			long offset, int count) {
		return unsupported(inProject("desktop metrics", filter.enterpriseProjectId()));
	}

	/**
	 * Per-user usage and login metrics.
	 * @param range the days
	 * @param filter vendor-side filters
	 * @param sort the order
	 * @param offset first result wanted
	 * @param count results wanted
	 * @return the slice
	 */
	default Mono<Slice<UserMetric>> userMetrics(DateRange range, UserMetricFilter filter, MetricSort sort, long offset,
			int count) {
		return unsupported(inProject("user metrics", filter.enterpriseProjectId()));
	}

	/**
	 * Starts a vendor-side export of desktop usage metrics.
	 * @param range the days
	 * @param filter vendor-side filters
	 * @param sort the order
	 * @return the created task
	 */
	default Mono<ExportTask> startDesktopUsageExport(DateRange range, DesktopMetricFilter filter, MetricSort sort) {
		return unsupported(inProject("usage export", filter.enterpriseProjectId()));
	}

	/**
	 * Looks up an export task.
	 * @param nativeId the vendor's task id
	 * @return the task, or empty when the vendor does not know it
	 */
	default Mono<ExportTask> exportTask(String nativeId) {
		return unsupported("export tasks");
	}

	/**
	 * Opens the file of a finished export task as a stream; nothing is read before the
	 * caller subscribes to {@link ExportFile#content()}.
	 * @param nativeId the vendor's task id
	 * @return the file, failing with {@link ExportNotDownloadableException} when the
	 * vendor does not know the task or it has no file
	 */
	default Mono<ExportFile> downloadExportFile(String nativeId) {
		return unsupported("export files");
	}

	/**
	 * Desktops by the vendor's ids, with name, region, state and billing mode as the
	 * vendor reports them, asked in as few calls as the vendor's batch limits allow.
	 * @param nativeIds the vendor's desktop ids, bounded by the caller
	 * @return the desktops the vendor knows, by native id; ids it does not know are
	 * absent
	 */
	default Mono<Map<String, Desktop>> desktops(List<String> nativeIds) {
		return unsupported("desktop details");
	}

	/**
	 * Every desktop of the account (of each configured region), with its name, region,
	 * state, billing mode and spec: what pricing a desktop needs.
	 * @return the desktops, in the vendor's order
	 */
	default Mono<List<Desktop>> desktopInventory() {
		return unsupported("a desktop inventory");
	}

	/**
	 * How many vendor calls answering a question takes at least, from what the connector
	 * knows before asking (page sizes, windows, the sizes of earlier answers); used to
	 * bound a request's work before it starts.
	 * @param question the question
	 * @return the vendor calls, 0 for questions this vendor has no API for
	 */
	default int plannedCalls(PlannedQuestion question) {
		return 0;
	}

	/**
	 * Names the enterprise project a question is restricted to, so that a vendor without
	 * enterprise projects says so rather than seeming to answer for all desktops.
	 */
	private static String inProject(String question, @Nullable String enterpriseProjectId) {
		return (enterpriseProjectId != null) ? question + " of an enterprise project (" + enterpriseProjectId
				+ "); enterprise projects are a Huawei feature" : question;
	}

	private <T> Mono<T> unsupported(String question) {
		return Mono.error(new UnsupportedQueryException(
				account().vendor() + " has no API for " + question + " (account " + account().id() + ")"));
	}

}
