package io.deskgraph.simulator.huawei;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Answers ListDesktopUsageMetric ({@code GET
 * /v2/{project_id}/statistics/metrics/desktops}) and ListUserUsageMetric ({@code GET
 * /v2/{project_id}/statistics/metrics/users}) from the estate's aggregated days.
 * <p>
 * A day is a day of the estate's zone (UTC unless
 * {@code deskgraph.simulator.huawei.day-zone} says otherwise). It counts in a window when
 * its aggregate, stamped at 23:59:59 of the day, lies within
 * {@code [start_time, end_time]} and has been computed (at the aggregation hour, 02:00 by
 * default, the next day). {@code desktop_usage} and {@code user_usage} are the seconds in
 * use over those days; {@code desktop_idle_duration} is 86400 seconds times the number of
 * those days, from the desktop's creation day on, without any usage (the idle-day filters
 * count the same days). {@code start_time} may go back to 00:00 of the day 180 days
 * before today. {@code enterprise_project_id} keeps the desktops of one enterprise
 * project (users: those whose desktops are in it), and each item names its
 * {@code enterprise_project_id}, as the newer API versions do. Desktops created after the
 * last counted day are left out, and a window with no counted day answers nothing.
 * Without {@code sort_field} items are ordered by id (user name); with it, ties are
 * broken by id (user name) ascending so paging is stable.
 *
 * @author DeskGraph
 */
final class HuaweiUsageMetrics {

	private static final int DESKTOP_HISTORY_DAYS = 180;

	private static final Duration USER_WINDOW = Duration.ofDays(30);

	private static final int MAX_OFFSET = 2_147_483_646;

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final HuaweiEstate estate;

	HuaweiUsageMetrics(HuaweiEstate estate) {
		this.estate = estate;
	}

	DesktopMetrics desktops(HuaweiQuery query) {
		DesktopMetricQuery metricQuery = desktopQuery(query);
		int offset = query.integer("offset", 0, MAX_OFFSET, 0);
		int limit = query.integer("limit", 1, 100, 10);
		List<DesktopRow> rows = desktopRows(metricQuery);
		List<DesktopMetric> items = HuaweiUsageReports.page(rows, offset, limit)
			.stream()
			.map(this::desktopMetric)
			.toList();
		return new DesktopMetrics(rows.size(), items);
	}

	UserMetrics users(HuaweiQuery query) {
		Instant start = query.requiredTime("start_time", 1, 32);
		Instant end = query.requiredTime("end_time", 1, 32);
		String userName = query.string("username", 0, 64);
		String project = enterpriseProject(query);
		Integer minHours = query.integer("usage_min_hours", 0, MAX_OFFSET);
		Integer maxHours = query.integer("usage_max_hours", 0, MAX_OFFSET);
		checkHours(minHours, maxHours);
		String sortField = query.oneOf("sort_field", List.of("user_usage"));
		boolean descending = !"ASC".equals(query.oneOf("sort_type", List.of("ASC", "DESC")));
		int offset = query.integer("offset", 0, MAX_OFFSET, 0);
		int limit = query.integer("limit", 1, 100, 10);
		checkOrder(start, end);
		if (Duration.between(start, end).compareTo(USER_WINDOW) > 0) {
			throw HuaweiApiException.businessRule("The query period of user usage metrics cannot exceed 30 days: "
					+ start + " to " + end + " is longer");
		}
		List<LocalDate> days = this.estate.metricDays(start, end);
		List<UserRow> rows = new ArrayList<>();
		if (!days.isEmpty()) {
			Instant lastDayEnd = days.get(days.size() - 1).plusDays(1).atStartOfDay(this.estate.dayZone()).toInstant();
			for (String user : this.estate.users()) {
				List<HuaweiDesktop> desktops = this.estate.desktopsOf(user)
					.stream()
					.filter((desktop) -> desktop.createTime().isBefore(lastDayEnd))
					.filter((desktop) -> project == null || project.equals(desktop.enterpriseProjectId()))
					.toList();
				if (desktops.isEmpty() || !matches(user, userName)) {
					continue;
				}
				UserRow row = userRow(user, desktops, days, desktops.get(0).enterpriseProjectId());
				if (withinHours(row.usageSeconds(), minHours, maxHours)) {
					rows.add(row);
				}
			}
		}
		Comparator<UserRow> order = Comparator.comparing(UserRow::userName);
		if (sortField != null) {
			Comparator<UserRow> byUsage = Comparator.comparingLong(UserRow::usageSeconds);
			order = (descending ? byUsage.reversed() : byUsage).thenComparing(UserRow::userName);
		}
		rows.sort(order);
		List<UserMetric> items = HuaweiUsageReports.page(rows, offset, limit)
			.stream()
			.map((row) -> new UserMetric(row.userName(), row.enterpriseProjectId(),
					List.of(new Metric("user_usage", row.usageSeconds()),
							new Metric("user_login_count", row.loginSuccesses() + row.loginFailures()),
							new Metric("user_login_success_count", row.loginSuccesses()),
							new Metric("user_login_fail_count", row.loginFailures()))))
			.toList();
		return new UserMetrics(rows.size(), items);
	}

	/**
	 * Parses and validates the parameters shared by ListDesktopUsageMetric and
	 * ExportDesktopUsageMetric.
	 */
	DesktopMetricQuery desktopQuery(HuaweiQuery query) {
		Instant start = query.requiredTime("start_time", 1, 32);
		Instant end = query.requiredTime("end_time", 1, 32);
		String resourceName = query.string("resource_name", 1, 64);
		String project = enterpriseProject(query);
		Integer minIdleDays = query.integer("min_idle_days", 0, 180);
		Integer maxIdleDays = query.integer("max_idle_days", 0, 180);
		Integer minHours = query.integer("usage_min_hours", 0, MAX_OFFSET);
		Integer maxHours = query.integer("usage_max_hours", 0, MAX_OFFSET);
		checkHours(minHours, maxHours);
		String sortField = query.oneOf("sort_field", List.of("desktop_usage", "desktop_idle_duration"));
		boolean descending = !"ASC".equals(query.oneOf("sort_type", List.of("ASC", "DESC")));
		checkOrder(start, end);
		// Counted in whole days of the estate's zone, so a window starting at
		// midnight 180 days ago is allowed.
		Instant oldest = this.estate.today()
			.minusDays(DESKTOP_HISTORY_DAYS)
			.atStartOfDay(this.estate.dayZone())
			.toInstant();
		if (start.isBefore(oldest)) {
			throw HuaweiApiException.businessRule("Only the last " + DESKTOP_HISTORY_DAYS
					+ " days can be queried: start_time " + start + " is earlier than " + oldest);
		}
		return new DesktopMetricQuery(start, end, resourceName, minIdleDays, maxIdleDays, minHours, maxHours, sortField,
				descending, project);
	}

	/** Computes the filtered, sorted metric rows of every matching desktop. */
	List<DesktopRow> desktopRows(DesktopMetricQuery query) {
		List<LocalDate> days = this.estate.metricDays(query.start(), query.end());
		List<DesktopRow> rows = new ArrayList<>();
		if (days.isEmpty()) {
			return rows;
		}
		Instant lastDayEnd = days.get(days.size() - 1).plusDays(1).atStartOfDay(this.estate.dayZone()).toInstant();
		String fragment = (query.resourceName() != null) ? query.resourceName().toLowerCase(Locale.ROOT) : null;
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			if (!desktop.createTime().isBefore(lastDayEnd)
					|| (fragment != null && !desktop.name().toLowerCase(Locale.ROOT).contains(fragment))
					|| (query.enterpriseProjectId() != null
							&& !query.enterpriseProjectId().equals(desktop.enterpriseProjectId()))) {
				continue;
			}
			LocalDate createdOn = LocalDate.ofInstant(desktop.createTime(), this.estate.dayZone());
			long usage = 0;
			int idleDays = 0;
			for (LocalDate day : days) {
				long seconds = this.estate.usageSeconds(desktop.id(), day);
				usage += seconds;
				if (seconds == 0 && !day.isBefore(createdOn)) {
					idleDays++;
				}
			}
			if ((query.minIdleDays() != null && idleDays < query.minIdleDays())
					|| (query.maxIdleDays() != null && idleDays > query.maxIdleDays())
					|| !withinHours(usage, query.usageMinHours(), query.usageMaxHours())) {
				continue;
			}
			rows.add(new DesktopRow(desktop, usage, idleDays * 86_400L));
		}
		Comparator<DesktopRow> order = Comparator.comparing((row) -> row.desktop().id());
		if (query.sortField() != null) {
			Comparator<DesktopRow> byMetric = query.sortField().equals("desktop_usage")
					? Comparator.comparingLong(DesktopRow::usageSeconds)
					: Comparator.comparingLong(DesktopRow::idleSeconds);
			order = (query.descending() ? byMetric.reversed() : byMetric).thenComparing((row) -> row.desktop().id());
		}
		rows.sort(order);
		return rows;
	}

	DesktopMetric desktopMetric(DesktopRow row) {
		HuaweiDesktop desktop = row.desktop();
		String poolName = (desktop.poolId() != null)
				? this.estate.pool(desktop.poolId()).map(HuaweiPool::name).orElse(null) : null;
		return new DesktopMetric(desktop.id(), desktop.name(), desktop.poolId(), poolName, desktop.userName(),
				desktop.enterpriseProjectId(), List.of(new Metric("desktop_usage", row.usageSeconds()),
						new Metric("desktop_idle_duration", row.idleSeconds())));
	}

	private UserRow userRow(String user, List<HuaweiDesktop> desktops, List<LocalDate> days, String project) {
		long usage = 0;
		int successes = 0;
		int failures = 0;
		for (HuaweiDesktop desktop : desktops) {
			for (LocalDate day : days) {
				usage += this.estate.usageSeconds(desktop.id(), day);
				successes += this.estate.loginSuccesses(desktop.id(), day);
				failures += this.estate.loginFailures(desktop.id(), day);
			}
		}
		return new UserRow(user, usage, successes, failures, project);
	}

	private static boolean matches(String value, @Nullable String fragment) {
		return fragment == null || value.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT));
	}

	private static boolean withinHours(long seconds, @Nullable Integer minHours, @Nullable Integer maxHours) {
		return (minHours == null || seconds >= minHours * 3600L) && (maxHours == null || seconds <= maxHours * 3600L);
	}

	/**
	 * Reads {@code enterprise_project_id}: {@code "0"} or a UUID, as the vendor's ids
	 * are.
	 */
	@Nullable
	private static String enterpriseProject(HuaweiQuery query) {
		String project = query.string("enterprise_project_id", 1, 64);
		if (project != null && !project.equals(HuaweiEstate.DEFAULT_ENTERPRISE_PROJECT)
				&& !UUID_PATTERN.matcher(project).matches()) {
			throw HuaweiApiException.invalidParameter("enterprise_project_id", "must be 0 or a UUID");
		}
		return project;
	}

	private static void checkHours(@Nullable Integer minHours, @Nullable Integer maxHours) {
		if (minHours != null && maxHours != null && maxHours < minHours) {
			throw HuaweiApiException.invalidParameter("usage_max_hours", "must not be less than usage_min_hours");
		}
	}

	private static void checkOrder(Instant start, Instant end) {
		if (end.isBefore(start)) {
			throw HuaweiApiException.businessRule("end_time must not be earlier than start_time");
		}
	}

	record DesktopMetricQuery(Instant start, Instant end, @Nullable String resourceName, @Nullable Integer minIdleDays,
			@Nullable Integer maxIdleDays, @Nullable Integer usageMinHours, @Nullable Integer usageMaxHours,
			@Nullable String sortField, boolean descending, @Nullable String enterpriseProjectId) {

	}

	record DesktopRow(HuaweiDesktop desktop, long usageSeconds, long idleSeconds) {

	}

	private record UserRow(String userName, long usageSeconds, int loginSuccesses, int loginFailures,
			String enterpriseProjectId) {

	}

	record DesktopMetrics(int count, List<DesktopMetric> items) {

	}

	record DesktopMetric(String resourceId, String resourceName, @Nullable String resourcePoolId,
			@Nullable String resourcePoolName, @Nullable String latestConnectUsername, String enterpriseProjectId,
			List<Metric> metric) {

	}

	record UserMetrics(int count, List<UserMetric> items) {

	}

	record UserMetric(String username, String enterpriseProjectId, List<Metric> metric) {

	}

	record Metric(String metricName, long metricValue) {

	}

}
