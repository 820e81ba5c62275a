package io.deskgraph.simulator.huawei;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.AttachStatistics;
import com.huaweicloud.sdk.workspace.v2.model.DesktopLoginStatisticsRsp;
import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.DesktopPoolStatistics;
import com.huaweicloud.sdk.workspace.v2.model.DesktopRunStatisticsRsp;
import com.huaweicloud.sdk.workspace.v2.model.DesktopUsedHoursInfo;
import com.huaweicloud.sdk.workspace.v2.model.DesktopUsedInfo;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsStatisticsRequest.StatisticsTypeEnum;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsStatisticsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsStatisticsResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListUnusedDesktopsRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUnusedDesktopsResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoReq;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUsedDesktopInfoResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.Metric;
import com.huaweicloud.sdk.workspace.v2.model.UnusedDesktopInfo;
import com.huaweicloud.sdk.workspace.v2.model.UserMetric;
import io.deskgraph.simulator.huawei.HuaweiDesktop.AttachState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.DesktopType;
import io.deskgraph.simulator.huawei.HuaweiDesktop.LoginState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiSimulator} driven by the official Huawei Workspace SDK, checking
 * answers against the estate and against each other.
 *
 * @author DeskGraph
 */
class HuaweiSimulatorSdkTests {

	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter UNUSED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static HuaweiSimulator simulator;

	private static HuaweiEstate estate;

	private static WorkspaceClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(Map.of(), Clock.systemUTC());
		estate = simulator.estate();
		client = HuaweiSimulatorTestSupport.client(simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void desktopsStatisticsWithoutStatisticsTypeAnswersOnlyTotals() {
		ListDesktopsStatisticsResponse response = client.listDesktopsStatistics(new ListDesktopsStatisticsRequest());
		assertThat(response.getHttpStatusCode()).isEqualTo(200);
		assertThat(response.getTotalNum()).isEqualTo(estate.desktops().size());
		assertThat(response.getAttachStatistics()).isNull();
		assertThat(response.getRunStateStatistics()).isNull();
		assertThat(response.getLoginStateStatistics()).isNull();
		// Pools are answered only when desktop_type asks for pooled desktops (seed 003).
		assertThat(response.getDesktopPoolStatistics()).isNull();
		ListDesktopsStatisticsResponse pooled = client
			.listDesktopsStatistics(new ListDesktopsStatisticsRequest().withDesktopType(List.of("POOLED")));
		assertThat(pooled.getDesktopPoolStatistics()).hasSize(estate.pools().size())
			.allSatisfy((pool) -> assertThat(pool.getAttachStatistics()).isNull());
	}

	@Test
	void desktopsStatisticsCountEveryStateAsTheEstateHasThem() {
		ListDesktopsStatisticsResponse response = client
			.listDesktopsStatistics(new ListDesktopsStatisticsRequest().withDesktopType(List.of("DEDICATED", "POOLED"))
				.withStatisticsType(List.of(StatisticsTypeEnum.ATTACH_STATE, StatisticsTypeEnum.RUN_STATE,
						StatisticsTypeEnum.LOGIN_STATE)));
		List<HuaweiDesktop> desktops = estate.desktops();
		assertThat(response.getTotalNum()).isEqualTo(desktops.size());
		assertCounts(response.getAttachStatistics(), response.getRunStateStatistics(),
				response.getLoginStateStatistics(), desktops);
		assertThat(response.getAttachStatistics().getAttachedNum()).isPositive();
		assertThat(response.getAttachStatistics().getAttachErrorNum()).isPositive();
		assertThat(response.getRunStateStatistics().getHibernatedNum()).isPositive();
		assertThat(response.getLoginStateStatistics().getDisconnectedNum()).isPositive();
		assertThat(response.getDesktopPoolStatistics()).hasSize(estate.pools().size());
		for (DesktopPoolStatistics pool : response.getDesktopPoolStatistics()) {
			List<HuaweiDesktop> inPool = desktops.stream()
				.filter((desktop) -> pool.getDesktopPoolId().equals(desktop.poolId()))
				.toList();
			assertThat(pool.getDesktopPoolName()).isEqualTo(estate.pool(pool.getDesktopPoolId()).orElseThrow().name());
			assertThat(pool.getTotalNum()).isEqualTo(inPool.size()).isPositive();
			assertCounts(pool.getAttachStatistics(), pool.getRunStateStatistics(), pool.getLoginStateStatistics(),
					inPool);
		}
	}

	@Test
	void desktopsStatisticsFilterByDesktopType() {
		ListDesktopsStatisticsResponse dedicated = client
			.listDesktopsStatistics(new ListDesktopsStatisticsRequest().withDesktopType(List.of("DEDICATED"))
				.withStatisticsType(List.of(StatisticsTypeEnum.RUN_STATE)));
		List<HuaweiDesktop> dedicatedDesktops = estate.desktops()
			.stream()
			.filter((desktop) -> desktop.type() == DesktopType.DEDICATED)
			.toList();
		assertThat(dedicated.getTotalNum()).isEqualTo(dedicatedDesktops.size());
		assertThat(dedicated.getRunStateStatistics().getActiveNum())
			.isEqualTo(count(dedicatedDesktops, (desktop) -> desktop.runState() == RunState.ACTIVE));
		assertThat(dedicated.getAttachStatistics()).isNull();
		assertThat(dedicated.getDesktopPoolStatistics()).isNull();
		ListDesktopsStatisticsResponse both = client.listDesktopsStatistics(
				new ListDesktopsStatisticsRequest().withDesktopType(List.of("DEDICATED", "POOLED")));
		ListDesktopsStatisticsResponse pooled = client
			.listDesktopsStatistics(new ListDesktopsStatisticsRequest().withDesktopType(List.of("POOLED")));
		assertThat(pooled.getTotalNum()).isPositive();
		assertThat(both.getTotalNum()).isEqualTo(estate.desktops().size())
			.isEqualTo(dedicated.getTotalNum() + pooled.getTotalNum());
		assertThat(pooled.getDesktopPoolStatistics().stream().mapToInt(DesktopPoolStatistics::getTotalNum).sum())
			.isEqualTo(pooled.getTotalNum());
	}

	@Test
	void desktopsStatisticsFilterByPoolIds() throws Exception {
		HuaweiPool pool = estate.pools().get(1);
		// desktop_pool_ids is newer than SDK 3.1.143, so this call is signed by hand.
		HttpResponse<String> response = HuaweiSimulatorTestSupport.signed(simulator, "GET",
				"/v2/" + simulator.properties().projectId() + "/statistics",
				Map.of("desktop_pool_ids", List.of(pool.id()), "desktop_type", List.of("POOLED"), "statistics_type",
						List.of("attach-state")),
				null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = new ObjectMapper().readTree(response.body());
		List<HuaweiDesktop> inPool = estate.desktops()
			.stream()
			.filter((desktop) -> pool.id().equals(desktop.poolId()))
			.toList();
		assertThat(body.get("total_num").asInt()).isEqualTo(inPool.size());
		assertThat(body.get("attach_statistics").get("attached_num").asInt())
			.isEqualTo(count(inPool, (desktop) -> desktop.attachState() == AttachState.ATTACHED));
		assertThat(body.get("desktop_pool_statistics")).hasSize(1);
		assertThat(body.get("desktop_pool_statistics").get(0).get("desktop_pool_name").asText()).isEqualTo(pool.name());
	}

	@Test
	void unusedDesktopsAreTheDesktopsWithoutUsageInTheWindow() {
		Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant start = end.minus(14, ChronoUnit.DAYS);
		List<UnusedDesktopInfo> unused = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 25) {
			ListUnusedDesktopsResponse page = client
				.listUnusedDesktops(new ListUnusedDesktopsRequest().withStartTime(UNUSED_TIME.format(start))
					.withEndTime(UNUSED_TIME.format(end))
					.withOffset(offset)
					.withLimit(25));
			total = page.getTotalCount();
			unused.addAll(page.getUnusedDesktops());
		}
		List<String> expected = estate.desktops()
			.stream()
			.filter((desktop) -> desktop.createTime().isBefore(end) && !estate.usedBetween(desktop.id(), start, end))
			.map(HuaweiDesktop::id)
			.toList();
		assertThat(unused).extracting(UnusedDesktopInfo::getDesktopId).containsExactlyElementsOf(expected);
		assertThat(unused.size()).isGreaterThanOrEqualTo(estate.desktops().size() / 10);
		LocalDate firstFullDay = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(1);
		LocalDate lastFullDay = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(1);
		for (UnusedDesktopInfo desktop : unused) {
			HuaweiDesktop known = estate.desktop(desktop.getDesktopId()).orElseThrow();
			assertThat(desktop.getComputeName()).isEqualTo(known.name());
			assertThat(Instant.parse(desktop.getCreateTime())).isEqualTo(known.createTime());
			if (desktop.getDisconnectTime() != null) {
				assertThat(Instant.parse(desktop.getDisconnectTime())).isBeforeOrEqualTo(start);
			}
			for (LocalDate day = firstFullDay; !day.isAfter(lastFullDay); day = day.plusDays(1)) {
				assertThat(estate.usageSeconds(desktop.getDesktopId(), day)).isZero();
			}
		}
	}

	@Test
	void unusedDesktopsDefaultToTheLastDay() {
		ListUnusedDesktopsResponse response = client.listUnusedDesktops(new ListUnusedDesktopsRequest());
		Instant end = Instant.now();
		long usedYesterday = estate.desktops()
			.stream()
			.filter((desktop) -> estate.usedBetween(desktop.id(), end.minus(1, ChronoUnit.DAYS), end))
			.count();
		assertThat(response.getTotalCount()).isEqualTo(response.getUnusedDesktops().size());
		assertThat((long) response.getTotalCount()).isBetween(estate.desktops().size() - usedYesterday - 2,
				estate.desktops().size() - usedYesterday + 2);
	}

	@Test
	void usedDesktopInfoByDayReportsTheEstateUsageOfEveryDesktop() {
		LocalDate end = estate.today();
		LocalDate start = end.minusDays(9);
		List<DesktopUsedHoursInfo> infos = usedDesktops(
				new ListUsedDesktopInfoReq().withStartTime(start.toString()).withEndTime(end.toString()), 100);
		assertThat(infos).extracting(DesktopUsedHoursInfo::getDesktopId)
			.containsExactlyElementsOf(estate.desktops().stream().map(HuaweiDesktop::id).toList());
		for (DesktopUsedHoursInfo info : infos) {
			HuaweiDesktop desktop = estate.desktop(info.getDesktopId()).orElseThrow();
			assertThat(info.getDesktopUsername()).isEqualTo(desktop.userName());
			Map<String, String> expected = new HashMap<>();
			for (LocalDate day = start; !day.isAfter(end.minusDays(1)); day = day.plusDays(1)) {
				long seconds = estate.usageSeconds(desktop.id(), day);
				if (seconds > 0) {
					expected.put(day.toString(),
							BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600)).setScale(2).toPlainString());
				}
			}
			Map<String, String> reported = new HashMap<>();
			info.getUsedInfoList()
				.stream()
				.filter((used) -> !used.getDate().equals(end.toString()))
				.forEach((used) -> reported.put(used.getDate(), used.getUseTime()));
			assertThat(reported).isEqualTo(expected);
			assertThat(info.getUsedInfoList())
				.allSatisfy((used) -> assertThat(used.getUseTime()).matches("\\d+\\.\\d{2}"));
		}
		assertThat(infos).anySatisfy((info) -> assertThat(info.getUsedInfoList()).isEmpty());
	}

	@Test
	void usedDesktopInfoByHourAddsUpToTheDailyTotals() {
		LocalDate end = estate.today().minusDays(1);
		LocalDate start = end.minusDays(6);
		List<String> desktopIds = estate.desktops()
			.stream()
			.filter((desktop) -> estate.usageSeconds(desktop.id(), end.minusDays(1)) > 0)
			.limit(8)
			.map(HuaweiDesktop::id)
			.toList();
		assertThat(desktopIds).hasSize(8);
		ListUsedDesktopInfoReq request = new ListUsedDesktopInfoReq().withDesktopIds(desktopIds)
			.withStartTime(start.toString())
			.withEndTime(end.toString());
		List<DesktopUsedHoursInfo> daily = usedDesktops(
				request.withGroupByType(ListUsedDesktopInfoReq.GroupByTypeEnum.DAY), 100);
		List<DesktopUsedHoursInfo> hourly = usedDesktops(new ListUsedDesktopInfoReq().withDesktopIds(desktopIds)
			.withStartTime(start.toString())
			.withEndTime(end.toString())
			.withGroupByType(ListUsedDesktopInfoReq.GroupByTypeEnum.HOUR), 100);
		assertThat(hourly).extracting(DesktopUsedHoursInfo::getDesktopId)
			.containsExactlyElementsOf(desktopIds.stream().sorted().toList());
		for (int i = 0; i < hourly.size(); i++) {
			Map<String, BigDecimal> sums = new HashMap<>();
			for (DesktopUsedInfo hour : hourly.get(i).getUsedInfoList()) {
				assertThat(hour.getDate()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:00");
				LocalDateTime at = LocalDateTime.parse(hour.getDate().replace(' ', 'T'));
				assertThat(new BigDecimal(hour.getUseTime()).multiply(BigDecimal.valueOf(3600)).longValueExact())
					.isEqualTo(estate.usageSeconds(hourly.get(i).getDesktopId(), at.toLocalDate(), at.getHour()))
					.isPositive();
				sums.merge(hour.getDate().substring(0, 10), new BigDecimal(hour.getUseTime()), BigDecimal::add);
			}
			Map<String, BigDecimal> days = new HashMap<>();
			daily.get(i).getUsedInfoList().forEach((day) -> days.put(day.getDate(), new BigDecimal(day.getUseTime())));
			assertThat(sums).isEqualTo(days);
		}
	}

	@Test
	void usedDesktopInfoPagesListEveryDesktopExactlyOnce() {
		List<DesktopUsedHoursInfo> infos = usedDesktops(new ListUsedDesktopInfoReq(), 37);
		Set<String> ids = new HashSet<>();
		infos.forEach((info) -> assertThat(ids.add(info.getDesktopId())).isTrue());
		assertThat(ids).hasSize(estate.desktops().size());
	}

	@Test
	void usedDesktopInfoFiltersByUserName() {
		String user = estate.users()
			.stream()
			.filter((name) -> estate.desktopsOf(name).size() == 2)
			.findFirst()
			.orElseThrow();
		ListUsedDesktopInfoResponse response = client.listUsedDesktopInfo(
				new ListUsedDesktopInfoRequest().withBody(new ListUsedDesktopInfoReq().withDesktopUsername(user)));
		assertThat(response.getTotalCount()).isEqualTo(2);
		assertThat(response.getDesktopUsedInfoList()).extracting(DesktopUsedHoursInfo::getDesktopId)
			.containsExactlyElementsOf(estate.desktopsOf(user).stream().map(HuaweiDesktop::id).toList());
	}

	@Test
	void desktopUsageMetricEqualsTheSumOfDailyUseTimeOverTheSameDays() {
		LocalDate last = estate.today().minusDays(2);
		LocalDate first = last.minusDays(19);
		Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = last.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		List<DesktopMetric> metrics = desktopMetrics(new ListDesktopUsageMetricRequest(), start, end, 100);
		List<DesktopUsedHoursInfo> used = usedDesktops(
				new ListUsedDesktopInfoReq().withStartTime(first.toString()).withEndTime(last.toString()), 100);
		Map<String, Long> usedSeconds = new HashMap<>();
		for (DesktopUsedHoursInfo info : used) {
			long seconds = 0;
			for (DesktopUsedInfo day : info.getUsedInfoList()) {
				seconds += new BigDecimal(day.getUseTime()).multiply(BigDecimal.valueOf(3600)).longValueExact();
			}
			usedSeconds.put(info.getDesktopId(), seconds);
		}
		assertThat(metrics).isNotEmpty();
		for (DesktopMetric metric : metrics) {
			HuaweiDesktop desktop = estate.desktop(metric.getResourceId()).orElseThrow();
			assertThat(metric.getResourceName()).isEqualTo(desktop.name());
			assertThat(metric.getResourcePoolId()).isEqualTo(desktop.poolId());
			assertThat(value(metric.getMetric(), "desktop_usage"))
				.isEqualTo(usedSeconds.get(desktop.id()).doubleValue());
			LocalDate created = LocalDate.ofInstant(desktop.createTime(), ZoneOffset.UTC);
			long idleDays = first.datesUntil(last.plusDays(1))
				.filter((day) -> !day.isBefore(created) && estate.usageSeconds(desktop.id(), day) == 0)
				.count();
			assertThat(value(metric.getMetric(), "desktop_idle_duration")).isEqualTo(idleDays * 86_400.0);
		}
		assertThat(metrics).extracting(DesktopMetric::getResourceId).isSorted();
	}

	@Test
	void desktopUsageMetricSortsByUsageAndPagesWithoutGapsOrDuplicates() {
		Instant end = estate.today().minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		Instant start = end.minus(30, ChronoUnit.DAYS);
		List<DesktopMetric> metrics = desktopMetrics(
				new ListDesktopUsageMetricRequest().withSortField("desktop_usage").withSortType("DESC"), start, end,
				23);
		assertThat(metrics).extracting(DesktopMetric::getResourceId).doesNotHaveDuplicates();
		assertThat(metrics.size())
			.isEqualTo(desktopMetrics(new ListDesktopUsageMetricRequest(), start, end, 100).size());
		for (int i = 1; i < metrics.size(); i++) {
			double previous = value(metrics.get(i - 1).getMetric(), "desktop_usage");
			double current = value(metrics.get(i).getMetric(), "desktop_usage");
			assertThat(current).isLessThanOrEqualTo(previous);
			if (current == previous) {
				assertThat(metrics.get(i).getResourceId()).isGreaterThan(metrics.get(i - 1).getResourceId());
			}
		}
		List<DesktopMetric> ascending = desktopMetrics(
				new ListDesktopUsageMetricRequest().withSortField("desktop_idle_duration").withSortType("ASC"), start,
				end, 100);
		assertThat(ascending).extracting((metric) -> value(metric.getMetric(), "desktop_idle_duration")).isSorted();
	}

	@Test
	void desktopUsageMetricAppliesNameIdleAndUsageFilters() {
		Instant end = estate.today().minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		Instant start = end.minus(29, ChronoUnit.DAYS);
		List<DesktopMetric> all = desktopMetrics(new ListDesktopUsageMetricRequest(), start, end, 100);
		List<DesktopMetric> byName = desktopMetrics(new ListDesktopUsageMetricRequest().withResourceName("FIN"), start,
				end, 100);
		assertThat(byName).isNotEmpty().allSatisfy((metric) -> assertThat(metric.getResourceName()).contains("fin"));
		assertThat(byName).hasSize(count(all, (metric) -> metric.getResourceName().contains("fin")));
		List<DesktopMetric> idle = desktopMetrics(new ListDesktopUsageMetricRequest().withMinIdleDays(14), start, end,
				100);
		assertThat(idle)
			.hasSize(count(all, (metric) -> value(metric.getMetric(), "desktop_idle_duration") >= 14 * 86_400))
			.isNotEmpty();
		List<DesktopMetric> busy = desktopMetrics(
				new ListDesktopUsageMetricRequest().withUsageMinHours(100).withUsageMaxHours(150), start, end, 100);
		assertThat(busy).isNotEmpty()
			.hasSize(count(all, (metric) -> value(metric.getMetric(), "desktop_usage") >= 100 * 3600
					&& value(metric.getMetric(), "desktop_usage") <= 150 * 3600));
	}

	@Test
	void userUsageMetricSumsTheUsageOfTheUsersDesktops() {
		Instant end = estate.today().minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		Instant start = end.minus(14, ChronoUnit.DAYS).plusSeconds(1);
		List<LocalDate> days = estate.metricDays(start, end);
		assertThat(days).hasSize(14);
		Map<String, Double> desktopUsage = new HashMap<>();
		desktopMetrics(new ListDesktopUsageMetricRequest(), start, end, 100)
			.forEach((metric) -> desktopUsage.put(metric.getResourceId(), value(metric.getMetric(), "desktop_usage")));
		List<UserMetric> users = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			ListUserUsageMetricResponse page = client
				.listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime(METRIC_TIME.format(start))
					.withEndTime(METRIC_TIME.format(end))
					.withOffset(offset)
					.withLimit(100));
			total = page.getCount();
			users.addAll(page.getItems());
		}
		assertThat(users).extracting(UserMetric::getUsername).containsExactlyElementsOf(estate.users()).isSorted();
		for (UserMetric user : users) {
			List<HuaweiDesktop> desktops = estate.desktopsOf(user.getUsername());
			double sum = desktops.stream().mapToDouble((desktop) -> desktopUsage.get(desktop.id())).sum();
			assertThat(value(user.getMetric(), "user_usage")).isEqualTo(sum);
			int successes = 0;
			int failures = 0;
			for (HuaweiDesktop desktop : desktops) {
				for (LocalDate day : days) {
					successes += estate.loginSuccesses(desktop.id(), day);
					failures += estate.loginFailures(desktop.id(), day);
				}
			}
			assertThat(value(user.getMetric(), "user_login_success_count")).isEqualTo(successes);
			assertThat(value(user.getMetric(), "user_login_fail_count")).isEqualTo(failures);
			assertThat(value(user.getMetric(), "user_login_count")).isEqualTo(successes + failures);
		}
		assertThat(users)
			.anySatisfy((user) -> assertThat(value(user.getMetric(), "user_login_fail_count")).isPositive());
	}

	@Test
	void userUsageMetricSortsAndFiltersByName() {
		Instant end = estate.today().minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
		Instant start = end.minus(7, ChronoUnit.DAYS);
		ListUserUsageMetricResponse top = client
			.listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime(METRIC_TIME.format(start))
				.withEndTime(METRIC_TIME.format(end))
				.withSortField("user_usage")
				.withLimit(5));
		assertThat(top.getItems()).hasSize(5);
		assertThat(top.getItems()).extracting((user) -> -value(user.getMetric(), "user_usage")).isSorted();
		ListUserUsageMetricResponse named = client
			.listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime(METRIC_TIME.format(start))
				.withEndTime(METRIC_TIME.format(end))
				.withUsername("USER000"));
		assertThat(named.getCount()).isEqualTo(9);
		assertThat(named.getItems()).hasSize(9)
			.extracting(UserMetric::getUsername)
			.allMatch((name) -> name.startsWith("user000"));
	}

	private static List<DesktopUsedHoursInfo> usedDesktops(ListUsedDesktopInfoReq request, int limit) {
		List<DesktopUsedHoursInfo> infos = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += limit) {
			ListUsedDesktopInfoResponse page = client.listUsedDesktopInfo(
					new ListUsedDesktopInfoRequest().withBody(request.withOffset(offset).withLimit(limit)));
			total = page.getTotalCount();
			infos.addAll(page.getDesktopUsedInfoList());
		}
		return infos;
	}

	private static List<DesktopMetric> desktopMetrics(ListDesktopUsageMetricRequest request, Instant start, Instant end,
			int limit) {
		List<DesktopMetric> metrics = new ArrayList<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += limit) {
			ListDesktopUsageMetricResponse page = client
				.listDesktopUsageMetric(request.withStartTime(METRIC_TIME.format(start))
					.withEndTime(METRIC_TIME.format(end))
					.withOffset(offset)
					.withLimit(limit));
			total = page.getCount();
			metrics.addAll(page.getItems());
		}
		return metrics;
	}

	private static double value(List<Metric> metrics, String name) {
		return metrics.stream()
			.filter((metric) -> metric.getMetricName().equals(name))
			.map(Metric::getMetricValue)
			.findFirst()
			.orElseThrow();
	}

	private static <T> int count(List<T> items, Predicate<T> predicate) {
		return (int) items.stream().filter(predicate).count();
	}

	private static void assertCounts(AttachStatistics attach, DesktopRunStatisticsRsp run,
			DesktopLoginStatisticsRsp login, List<HuaweiDesktop> desktops) {
		Function<AttachState, Integer> attached = (state) -> count(desktops,
				(desktop) -> desktop.attachState() == state);
		Function<RunState, Integer> running = (state) -> count(desktops, (desktop) -> desktop.runState() == state);
		Function<LoginState, Integer> login2 = (state) -> count(desktops, (desktop) -> desktop.loginState() == state);
		assertThat(attach.getAttachedNum()).isEqualTo(attached.apply(AttachState.ATTACHED));
		assertThat(attach.getUnattachedNum()).isEqualTo(attached.apply(AttachState.UNATTACHED));
		assertThat(attach.getAttachingNum()).isEqualTo(attached.apply(AttachState.ATTACHING));
		assertThat(attach.getAttachErrorNum()).isEqualTo(attached.apply(AttachState.ATTACH_ERROR));
		assertThat(run.getActiveNum()).isEqualTo(running.apply(RunState.ACTIVE));
		assertThat(run.getStopNum()).isEqualTo(running.apply(RunState.STOPPED));
		assertThat(run.getErrorNum()).isEqualTo(running.apply(RunState.ERROR));
		assertThat(run.getHibernatedNum()).isEqualTo(running.apply(RunState.HIBERNATED));
		assertThat(login.getInUseNum()).isEqualTo(login2.apply(LoginState.IN_USE));
		assertThat(login.getStopNum()).isEqualTo(login2.apply(LoginState.STOPPED));
		assertThat(login.getUnregisteredNum()).isEqualTo(login2.apply(LoginState.UNREGISTERED));
		assertThat(login.getUnableToConnectNum()).isEqualTo(login2.apply(LoginState.UNABLE_TO_CONNECT));
		assertThat(login.getReadyNum()).isEqualTo(login2.apply(LoginState.READY));
		assertThat(login.getDisconnectedNum()).isEqualTo(login2.apply(LoginState.DISCONNECTED));
		assertThat(attach.getAttachedNum() + attach.getUnattachedNum() + attach.getAttachingNum()
				+ attach.getAttachErrorNum())
			.isEqualTo(desktops.size());
	}

}
