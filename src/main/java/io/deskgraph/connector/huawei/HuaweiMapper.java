package io.deskgraph.connector.huawei;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.deskgraph.connector.huawei.payload.AttachStatistics;
import io.deskgraph.connector.huawei.payload.DesktopMetricItem;
import io.deskgraph.connector.huawei.payload.DesktopPoolStatistics;
import io.deskgraph.connector.huawei.payload.DesktopUsedInfo;
import io.deskgraph.connector.huawei.payload.DesktopsStatisticsResponse;
import io.deskgraph.connector.huawei.payload.ExportTaskItem;
import io.deskgraph.connector.huawei.payload.ExportTasksResponse;
import io.deskgraph.connector.huawei.payload.LoginStateStatistics;
import io.deskgraph.connector.huawei.payload.Metric;
import io.deskgraph.connector.huawei.payload.RunStateStatistics;
import io.deskgraph.connector.huawei.payload.UnusedDesktop;
import io.deskgraph.connector.huawei.payload.UsedInfo;
import io.deskgraph.connector.huawei.payload.UserMetricItem;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportStatus;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.UserMetric;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorUnavailableException;

import org.springframework.lang.Nullable;

/**
 * Maps the payloads of the Huawei Workspace statistics APIs of one account to DeskGraph's
 * vendor-neutral records: desktop and pool counts, idle desktops, usage per desktop and
 * user (merged across 31-day windows), rankings, metrics and export tasks.
 *
 * @author DeskGraph
 */
final class HuaweiMapper {

	private static final Comparator<UsagePoint> POINT_ORDER = Comparator.comparing(UsagePoint::date)
		.thenComparing((point) -> (point.hour() != null) ? point.hour() : -1);

	private final Account account;

	HuaweiMapper(Account account) {
		this.account = account;
	}

	/**
	 * Merges the entries of consecutive windows per desktop and user, in first-seen
	 * order: points concatenated in date order, totals summed.
	 */
	static List<DesktopUsage> merge(List<Slice<DesktopUsage>> windows) {
		return merge(windows, 0, Integer.MAX_VALUE).items();
	}

	/**
	 * A run of the merged entries of consecutive windows: every entry is grouped per
	 * desktop and user, in first-seen order, but only the entries wanted are merged.
	 * @param windows the entries of each window, in window order
	 * @param offset the first merged entry wanted
	 * @param count how many are wanted
	 * @return the merged entries wanted, with the number of merged entries
	 */
	static Slice<DesktopUsage> merge(List<Slice<DesktopUsage>> windows, long offset, int count) {
		return mergedPage(group(windows.stream().map(Slice::items).toList()), offset, count);
	}

	/**
	 * The entries of consecutive windows grouped per desktop and user, in first-seen
	 * order: what every page of their merged entries is cut from.
	 * @param windows the entries of each window, in window order
	 * @return the entries of each desktop and user, one window after the other
	 */
	static List<List<DesktopUsage>> group(List<List<DesktopUsage>> windows) {
		Map<UsageKey, List<DesktopUsage>> parts = new LinkedHashMap<>();
		for (List<DesktopUsage> window : windows) {
			for (DesktopUsage usage : window) {
				parts
					.computeIfAbsent(new UsageKey(usage.desktop().nativeId(), usage.userName()),
							(key) -> new ArrayList<>(windows.size()))
					.add(usage);
			}
		}
		return List.copyOf(parts.values());
	}

	/**
	 * Users ranked by their usage summed over several windows: longest first, then by
	 * name.
	 * @param windows each window's usage per user
	 * @return every user once, ranked
	 */
	static List<UsageTotal> rankedUsers(List<List<UsageTotal>> windows) {
		Map<String, Long> seconds = new LinkedHashMap<>();
		for (List<UsageTotal> window : windows) {
			for (UsageTotal total : window) {
				seconds.merge(Objects.requireNonNullElse(total.userName(), ""), total.duration().seconds(), Long::sum);
			}
		}
		List<UsageTotal> ranked = new ArrayList<>(seconds.size());
		seconds.forEach((user, sum) -> ranked.add(new UsageTotal(null, user, UsageDuration.ofSeconds(sum))));
		ranked.sort(Comparator.comparingLong((UsageTotal total) -> total.duration().seconds())
			.reversed()
			.thenComparing(UsageTotal::userName));
		return ranked;
	}

	/**
	 * A run of grouped entries, merged: only the entries wanted are merged.
	 * @param groups the entries of each desktop and user
	 * @param offset the first merged entry wanted
	 * @param count how many are wanted
	 * @return the merged entries wanted, with the number of merged entries
	 */
	static Slice<DesktopUsage> mergedPage(List<List<DesktopUsage>> groups, long offset, int count) {
		List<DesktopUsage> merged = new ArrayList<>();
		int from = (int) Math.min(groups.size(), offset);
		int to = (int) Math.min(groups.size(), (long) from + Math.max(0, count));
		for (List<DesktopUsage> part : groups.subList(from, to)) {
			merged.add((part.size() == 1) ? part.get(0) : merged(part));
		}
		return new Slice<>(List.copyOf(merged), groups.size());
	}

	private static DesktopUsage merged(List<DesktopUsage> parts) {
		DesktopUsage first = parts.get(0);
		List<UsagePoint> points = new ArrayList<>();
		UsageDuration total = UsageDuration.ofSeconds(0);
		for (DesktopUsage part : parts) {
			points.addAll(part.points());
			total = total.plus(part.total());
		}
		points.sort(POINT_ORDER);
		return new DesktopUsage(first.desktop(), first.userName(), total, List.copyOf(points));
	}

	DesktopUsage desktopUsage(DesktopUsedInfo info, Granularity granularity) {
		List<UsagePoint> points = new ArrayList<>();
		for (UsedInfo used : info.usedInfoList()) {
			long seconds = HuaweiFormats.hoursToSeconds(used.useTime());
			if (seconds <= 0) {
				continue;
			}
			String date = used.date();
			if (date == null) {
				throw VendorUnavailableException.malformed(Vendor.HUAWEI, this.account.id(), "ListUsedDesktopInfo",
						"answered a usage entry without a date", null);
			}
			HuaweiFormats.Bucket bucket;
			try {
				bucket = HuaweiFormats.parseBucket(date, this.account.dayZone());
			}
			catch (IllegalArgumentException ex) {
				throw VendorUnavailableException.malformed(Vendor.HUAWEI, this.account.id(), "ListUsedDesktopInfo",
						"answered an " + ex.getMessage(), ex);
			}
			Integer hour = (granularity == Granularity.HOUR) ? bucket.hour() : null;
			points.add(new UsagePoint(bucket.date(), hour, UsageDuration.ofSeconds(seconds)));
		}
		points.sort(POINT_ORDER);
		long total = points.stream().mapToLong((point) -> point.duration().seconds()).sum();
		return new DesktopUsage(desktop(info.desktopId(), null), info.desktopUsername(), UsageDuration.ofSeconds(total),
				List.copyOf(points));
	}

	StatusCounts statusCounts(DesktopsStatisticsResponse response) {
		List<PoolStatus> pools = response.desktopPoolStatistics().stream().map(this::poolStatus).toList();
		return new StatusCounts(response.totalNum(), attach(response.attachStatistics()),
				run(response.runStateStatistics()), login(response.loginStateStatistics()), pools);
	}

	private PoolStatus poolStatus(DesktopPoolStatistics pool) {
		String poolId = (pool.desktopPoolId() != null) ? pool.desktopPoolId() : "";
		return new PoolStatus(this.account.id(), poolId, pool.desktopPoolName(), pool.totalNum(),
				attach(pool.attachStatistics()), run(pool.runStateStatistics()), login(pool.loginStateStatistics()));
	}

	@Nullable
	private static AttachCounts attach(@Nullable AttachStatistics attach) {
		return (attach != null) ? new AttachCounts(attach.attachedNum(), attach.unattachedNum(), attach.attachingNum(),
				attach.attachErrorNum()) : null;
	}

	@Nullable
	private static RunCounts run(@Nullable RunStateStatistics run) {
		return (run != null) ? new RunCounts(run.activeNum(), run.stopNum(), run.errorNum(), run.hibernatedNum())
				: null;
	}

	@Nullable
	private static LoginCounts login(@Nullable LoginStateStatistics login) {
		return (login != null) ? new LoginCounts(login.inUseNum(), login.stopNum(), login.unregisteredNum(),
				login.unableToConnectNum(), login.readyNum(), login.disconnectedNum()) : null;
	}

	IdleDesktop idleDesktop(UnusedDesktop desktop) {
		return new IdleDesktop(desktop(desktop.desktopId(), desktop.computeName()),
				HuaweiFormats.parseInstant(desktop.createTime()), HuaweiFormats.parseInstant(desktop.disconnectTime()));
	}

	UsageTotal desktopTotal(DesktopMetricItem item) {
		return new UsageTotal(desktop(item.resourceId(), item.resourceName()), item.latestConnectUsername(),
				UsageDuration.ofSeconds(metricSeconds(item.metric(), "desktop_usage")));
	}

	UsageTotal userTotal(UserMetricItem item) {
		return new UsageTotal(null, item.username(),
				UsageDuration.ofSeconds(metricSeconds(item.metric(), "user_usage")));
	}

	DesktopMetric desktopMetric(DesktopMetricItem item) {
		return new DesktopMetric(desktop(item.resourceId(), item.resourceName()), item.resourcePoolId(),
				item.resourcePoolName(), item.latestConnectUsername(),
				UsageDuration.ofSeconds(metricSeconds(item.metric(), "desktop_usage")),
				UsageDuration.ofSeconds(metricSeconds(item.metric(), "desktop_idle_duration")),
				item.enterpriseProjectId());
	}

	UserMetric userMetric(UserMetricItem item) {
		return new UserMetric(this.account.id(), item.username(),
				UsageDuration.ofSeconds(metricSeconds(item.metric(), "user_usage")),
				metricCount(item.metric(), "user_login_count"), metricCount(item.metric(), "user_login_success_count"),
				metricCount(item.metric(), "user_login_fail_count"), item.enterpriseProjectId());
	}

	Optional<ExportTask> find(ExportTasksResponse tasks, String taskId) {
		return tasks.exportTasks().stream().filter((task) -> taskId.equals(task.taskId())).findFirst().map(this::task);
	}

	private ExportTask task(ExportTaskItem item) {
		return new ExportTask(exportTaskId(item.taskId()), this.account.id(), item.taskId(), status(item.status()),
				item.status(), item.fileName(), item.failReason(), item.errorCode(), item.isDownload(),
				HuaweiFormats.parseInstant(item.createTime()), HuaweiFormats.parseInstant(item.endTime()));
	}

	static ExportStatus status(@Nullable String status) {
		if (status != null) {
			for (ExportStatus candidate : ExportStatus.values()) {
				if (candidate != ExportStatus.UNKNOWN && candidate.name().equalsIgnoreCase(status.trim())) {
					return candidate;
				}
			}
		}
		// Not CREATING: a state the vendor added since may well be final, and a poller
		// must not wait on it forever.
		return ExportStatus.UNKNOWN;
	}

	String exportTaskId(String taskId) {
		return new GlobalId(Vendor.HUAWEI, this.account.id(), taskId).toString();
	}

	private Desktop desktop(String nativeId, @Nullable String name) {
		return Desktop.of(Vendor.HUAWEI, this.account.id(), nativeId, name);
	}

	private static long metricSeconds(List<Metric> metrics, String name) {
		return metrics.stream()
			.filter((metric) -> name.equals(metric.metricName()))
			.findFirst()
			.map((metric) -> HuaweiFormats.seconds(metric.metricValue()))
			.orElse(0L);
	}

	@Nullable
	private static Integer metricCount(List<Metric> metrics, String name) {
		return metrics.stream()
			.filter((metric) -> name.equals(metric.metricName()) && metric.metricValue() != null)
			.findFirst()
			.map((metric) -> (int) HuaweiFormats.seconds(metric.metricValue()))
			.orElse(null);
	}

	/**
	 * A desktop and user, the unit of desktop usage.
	 */
	private record UsageKey(String desktopId, @Nullable String userName) {

	}

}
