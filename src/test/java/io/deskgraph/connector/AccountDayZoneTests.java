package io.deskgraph.connector;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.alibaba.AlibabaConnectorFactory;
import io.deskgraph.connector.alibaba.AlibabaProperties;
import io.deskgraph.connector.huawei.HuaweiConnectorFactory;
import io.deskgraph.connector.huawei.HuaweiProperties;
import io.deskgraph.connector.huawei.MutableClock;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiEstate;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.MetricSortField;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.SortDirection;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorWindowException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the accounts' day zones and aggregation hours ({@link AccountDays}) as the
 * connectors apply them, over real HTTP against simulators set to the same zones: UTC
 * next to Asia/Shanghai (UTC+8) for Alibaba, and next to Pacific/Honolulu (UTC-10) for
 * Huawei, whose metric APIs take instants.
 *
 * @author DeskGraph
 */
class AccountDayZoneTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");

	private static final Duration RECENT_TTL = Duration.ofSeconds(60);

	private static final Duration FINAL_TTL = Duration.ofHours(6);

	private static final MutableClock clock = new MutableClock(Instant.EPOCH);

	private static HuaweiSimulator huaweiUtc;

	private static HuaweiSimulator huaweiHonolulu;

	private static AlibabaSimulator alibabaUtc;

	private static AlibabaSimulator alibabaShanghai;

	@BeforeAll
	static void startSimulators() {
		clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		huaweiUtc = huawei(ZoneOffset.UTC);
		huaweiHonolulu = huawei(HONOLULU);
		alibabaUtc = alibaba(ZoneOffset.UTC);
		alibabaShanghai = alibaba(SHANGHAI);
	}

	@AfterAll
	static void stopSimulators() {
		List.of(huaweiUtc, huaweiHonolulu).forEach(HuaweiSimulator::stop);
		List.of(alibabaUtc, alibabaShanghai).forEach(AlibabaSimulator::stop);
	}

	@BeforeEach
	void resetSimulators() {
		TestUpstream.awaitDrains(Duration.ofSeconds(30));
		for (String baseUrl : List.of(huaweiUtc.baseUrl(), huaweiHonolulu.baseUrl(), alibabaUtc.baseUrl(),
				alibabaShanghai.baseUrl())) {
			WebClient.create(baseUrl).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		}
	}

	@Test
	void alibabaNinetyDaysAreCountedBackFromTodayInTheAccountsZone() {
		// 17:00 UTC on November 20 is 01:00 on November 21 in Shanghai.
		clock.set(Instant.parse("2026-11-20T17:00:00Z"));
		DateRange range = new DateRange(LocalDate.of(2026, 8, 22), LocalDate.of(2026, 8, 28));
		Slice<UsageTotal> utc = alibaba(alibabaUtc, Account.UTC).usageRanking(range, RankDimension.DESKTOP, 0, 500)
			.block(Duration.ofSeconds(30));
		assertThat(utc.totalCount()).isPositive();
		assertThat(calls(alibabaUtc.baseUrl(), "QueryHistoryUsageDurationRank")).isPositive();
		assertThatExceptionOfType(VendorWindowException.class)
			.isThrownBy(() -> alibaba(alibabaShanghai, SHANGHAI).usageRanking(range, RankDimension.DESKTOP, 0, 500)
				.block(Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("range"))
			.withMessageContaining("from must be on or after 2026-08-23")
			.withMessageContaining("today is 2026-11-21 in the account's day zone Asia/Shanghai");
		assertThat(calls(alibabaShanghai.baseUrl(), "QueryHistoryUsageDurationRank")).isZero();
	}

	@Test
	void alibabaWindowsAreCutAtTodayInTheAccountsZone() {
		clock.set(Instant.parse("2026-11-20T17:00:00Z"));
		DateRange range = new DateRange(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 21));
		// November 21 has begun in Shanghai only: the UTC account asks up to November 20,
		// as the vendor refuses an EndDate after its today.
		List<DesktopUsage> utc = usage(alibaba(alibabaUtc, Account.UTC), range);
		assertThat(lastDays(utc, range)).containsExactly(LocalDate.of(2026, 11, 20));
		assertThat(usage(alibaba(alibabaShanghai, SHANGHAI), range)).isNotEmpty();
		DateRange shanghaiToday = new DateRange(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21));
		long utcCalls = calls(alibabaUtc.baseUrl(), "QueryHistoryUsageDurationRank");
		assertThat(alibaba(alibabaUtc, Account.UTC).usageRanking(shanghaiToday, RankDimension.DESKTOP, 0, 10)
			.block(Duration.ofSeconds(30))
			.items()).isEmpty();
		assertThat(calls(alibabaUtc.baseUrl(), "QueryHistoryUsageDurationRank")).isEqualTo(utcCalls);
		long shanghaiCalls = calls(alibabaShanghai.baseUrl(), "QueryHistoryUsageDurationRank");
		alibaba(alibabaShanghai, SHANGHAI).usageRanking(shanghaiToday, RankDimension.DESKTOP, 0, 10)
			.block(Duration.ofSeconds(30));
		assertThat(calls(alibabaShanghai.baseUrl(), "QueryHistoryUsageDurationRank")).isGreaterThan(shanghaiCalls);
	}

	@Test
	void alibabaDayIsFinalAfterTheAggregationHourOfTheAccountsZone() {
		DateRange day = new DateRange(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 19));
		// 02:00 on November 20 in Shanghai is 18:00 UTC on November 19.
		clock.set(Instant.parse("2026-11-19T17:59:59Z"));
		assertThat(lifetime((connector) -> connector.usageRanking(day, RankDimension.DESKTOP, 0, 10), alibabaShanghai,
				SHANGHAI))
			.isEqualTo(RECENT_TTL);
		clock.set(Instant.parse("2026-11-19T18:00:00Z"));
		assertThat(lifetime((connector) -> connector.usageRanking(day, RankDimension.DESKTOP, 0, 10), alibabaShanghai,
				SHANGHAI))
			.isEqualTo(FINAL_TTL);
		// A UTC account's November 19 is aggregated only at 02:00 UTC on November 20.
		assertThat(lifetime((connector) -> connector.usageRanking(day, RankDimension.DESKTOP, 0, 10), alibabaUtc,
				Account.UTC))
			.isEqualTo(RECENT_TTL);
	}

	@Test
	void huaweiHundredEightyDaysAreCountedBackFromTodayInTheAccountsZone() {
		// 05:00 UTC on November 20 is 19:00 on November 19 in Honolulu.
		clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		DateRange range = new DateRange(LocalDate.of(2026, 5, 23), LocalDate.of(2026, 5, 30));
		Slice<DesktopMetric> honolulu = huawei(huaweiHonolulu, HONOLULU)
			.desktopMetrics(range, DesktopMetricFilter.NONE, byUsage(), 0, 500)
			.block(Duration.ofSeconds(30));
		assertThat(honolulu.totalCount()).isPositive();
		assertThatExceptionOfType(VendorWindowException.class)
			.isThrownBy(() -> huawei(huaweiUtc, Account.UTC)
				.desktopMetrics(range, DesktopMetricFilter.NONE, byUsage(), 0, 500)
				.block(Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("range"))
			.withMessageContaining("before the earliest day 2026-05-24")
			.withMessageContaining("today is 2026-11-20 in the account's day zone UTC");
		assertThat(calls(huaweiUtc.baseUrl(), "ListDesktopUsageMetric")).isZero();
	}

	@Test
	void huaweiWindowsAreCutAtTodayInTheAccountsZone() {
		// 05:00 UTC on November 20 is still November 19 in Honolulu.
		clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		DateRange utcToday = new DateRange(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20));
		UsageConnector honolulu = huawei(huaweiHonolulu, HONOLULU);
		assertThat(honolulu.desktopMetrics(utcToday, DesktopMetricFilter.NONE, byUsage(), 0, 10)
			.block(Duration.ofSeconds(30))).isEqualTo(new Slice<>(List.of(), 0));
		assertThat(usage(honolulu, utcToday)).isEmpty();
		assertThat(calls(huaweiHonolulu.baseUrl(), "ListDesktopUsageMetric")
				+ calls(huaweiHonolulu.baseUrl(), "ListUsedDesktopInfo"))
			.isZero();
		DateRange twoDays = new DateRange(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 20));
		assertThat(usage(honolulu, twoDays)).isNotEmpty()
			.allSatisfy((desktop) -> assertThat(desktop.points())
				.allSatisfy((point) -> assertThat(point.date()).isEqualTo(LocalDate.of(2026, 11, 19))));
		UsageConnector utc = huawei(huaweiUtc, Account.UTC);
		utc.desktopMetrics(utcToday, DesktopMetricFilter.NONE, byUsage(), 0, 10).block(Duration.ofSeconds(30));
		assertThat(calls(huaweiUtc.baseUrl(), "ListDesktopUsageMetric")).isPositive();
	}

	@Test
	void huaweiMetricsAndDailyPointsAreDaysOfTheAccountsZone() {
		clock.set(Instant.parse("2026-11-20T05:00:00Z"));
		HuaweiEstate estate = huaweiHonolulu.estate();
		LocalDate day = LocalDate.of(2026, 11, 17);
		UsageConnector honolulu = huawei(huaweiHonolulu, HONOLULU);
		// The metric window is sent as the instants of Honolulu's day, which hold
		// exactly that day's aggregate (stamped 23:59:59 Honolulu time); UTC bounds
		// would hold the day before.
		List<DesktopMetric> metrics = honolulu
			.desktopMetrics(new DateRange(day, day), DesktopMetricFilter.NONE, byUsage(), 0, 500)
			.block(Duration.ofSeconds(30))
			.items();
		assertThat(metrics).isNotEmpty();
		assertThat(metrics.get(0).usage().seconds()).isPositive();
		for (DesktopMetric metric : metrics) {
			assertThat(metric.usage().seconds()).as(metric.desktop().nativeId())
				.isEqualTo(estate.usageSeconds(metric.desktop().nativeId(), day));
		}
		assertThat(metrics).anySatisfy((metric) -> assertThat(metric.usage().seconds())
			.isNotEqualTo(estate.usageSeconds(metric.desktop().nativeId(), day.minusDays(1))));
		DateRange days = new DateRange(day.minusDays(2), day);
		List<DesktopUsage> usage = usage(honolulu, days);
		assertThat(usage).isNotEmpty();
		for (DesktopUsage desktop : usage) {
			for (UsagePoint point : desktop.points()) {
				assertThat(point.duration().seconds())
					.isEqualTo(estate.usageSeconds(desktop.desktop().nativeId(), point.date()));
			}
		}
		Map<String, Long> metricTotals = honolulu.desktopMetrics(days, DesktopMetricFilter.NONE, byUsage(), 0, 500)
			.block(Duration.ofSeconds(30))
			.items()
			.stream()
			.collect(java.util.stream.Collectors.toMap((metric) -> metric.desktop().nativeId(),
					(metric) -> metric.usage().seconds()));
		for (DesktopUsage desktop : usage) {
			assertThat(desktop.total().seconds()).isEqualTo(metricTotals.get(desktop.desktop().nativeId()));
		}
	}

	@Test
	void huaweiDayIsFinalAfterTheAggregationHourOfTheAccountsZone() {
		DateRange day = new DateRange(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 17));
		// 02:00 on November 18 in Honolulu is 12:00 UTC on November 18; the simulator on
		// Honolulu days has not aggregated the day before then either.
		clock.set(Instant.parse("2026-11-18T11:59:59Z"));
		assertThat(lifetime((connector) -> connector.desktopMetrics(day, DesktopMetricFilter.NONE, byUsage(), 0, 10),
				huaweiHonolulu, HONOLULU))
			.isEqualTo(RECENT_TTL);
		assertThat(huawei(huaweiHonolulu, HONOLULU).desktopMetrics(day, DesktopMetricFilter.NONE, byUsage(), 0, 10)
			.block(Duration.ofSeconds(30))
			.totalCount()).isZero();
		assertThat(lifetime((connector) -> connector.desktopMetrics(day, DesktopMetricFilter.NONE, byUsage(), 0, 10),
				huaweiUtc, Account.UTC))
			.isEqualTo(FINAL_TTL);
		clock.set(Instant.parse("2026-11-18T12:00:00Z"));
		assertThat(lifetime((connector) -> connector.desktopMetrics(day, DesktopMetricFilter.NONE, byUsage(), 0, 10),
				huaweiHonolulu, HONOLULU))
			.isEqualTo(FINAL_TTL);
		assertThat(huawei(huaweiHonolulu, HONOLULU).desktopMetrics(day, DesktopMetricFilter.NONE, byUsage(), 0, 10)
			.block(Duration.ofSeconds(30))
			.totalCount()).isPositive();
	}

	/**
	 * How long the result of one question may be reused, asked through a caching upstream
	 * executor: the time to live of the freshness the connector gave its pages.
	 */
	private static Duration lifetime(java.util.function.Function<UsageConnector, Mono<?>> question, Object simulator,
			ZoneId zone) {
		ResultLifetime lifetime = new ResultLifetime();
		UsageConnector connector = (simulator instanceof HuaweiSimulator huawei)
				? huawei(huawei, zone, cachingInfrastructure())
				: alibaba((AlibabaSimulator) simulator, zone, cachingInfrastructure());
		question.apply(connector).contextWrite(lifetime.into()).block(Duration.ofSeconds(30));
		return Duration.between(clock.instant(), lifetime.expiresAt());
	}

	private static List<DesktopUsage> usage(UsageConnector connector, DateRange range) {
		return connector.desktopUsage(new UsageQuery(range, Granularity.DAY, List.of(), null, true), 0, 500)
			.block(Duration.ofSeconds(30))
			.items();
	}

	private static List<LocalDate> lastDays(List<DesktopUsage> usage, DateRange range) {
		LocalDate last = usage.stream()
			.flatMap((desktop) -> desktop.points().stream())
			.map(UsagePoint::date)
			.max(LocalDate::compareTo)
			.orElseThrow();
		assertThat(last).isBetween(range.from(), range.to());
		return List.of(last);
	}

	private static MetricSort byUsage() {
		return new MetricSort(MetricSortField.DESKTOP_USAGE, SortDirection.DESC);
	}

	private static long calls(String baseUrl, String operation) {
		JsonNode stats = WebClient.create(baseUrl)
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(5));
		return stats.path("calls").path(operation).asLong(0);
	}

	private static UsageConnector huawei(HuaweiSimulator simulator, ZoneId zone) {
		return huawei(simulator, zone, TestUpstream.infrastructure(clock));
	}

	private static UsageConnector huawei(HuaweiSimulator simulator, ZoneId zone,
			ConnectorInfrastructure infrastructure) {
		HuaweiSimulatorProperties properties = simulator.properties();
		AccountProperties account = new AccountProperties("hw-" + zone.getId().replace('/', '-'), Vendor.HUAWEI,
				"cn-north-4", null, URI.create(simulator.baseUrl()), properties.projectId(), properties.accessKey(),
				properties.secretKey(), null, null, null, null, zone, null, null);
		return new HuaweiConnectorFactory(infrastructure, HuaweiProperties.DEFAULTS).connector(account);
	}

	private static UsageConnector alibaba(AlibabaSimulator simulator, ZoneId zone) {
		return alibaba(simulator, zone, TestUpstream.infrastructure(clock));
	}

	private static UsageConnector alibaba(AlibabaSimulator simulator, ZoneId zone,
			ConnectorInfrastructure infrastructure) {
		AlibabaSimulatorProperties properties = simulator.properties();
		AccountProperties account = new AccountProperties("ali-" + zone.getId().replace('/', '-'), Vendor.ALIBABA,
				"cn-shanghai", null, URI.create(simulator.baseUrl()), null, properties.accessKeyId(),
				properties.accessKeySecret(), null, null, null, null, zone, null, null);
		return new AlibabaConnectorFactory(infrastructure, AlibabaProperties.DEFAULTS).connector(account);
	}

	/**
	 * Infrastructure whose executor caches pages with the default times to live, so a
	 * result's lifetime tells the freshness its pages were given.
	 */
	private static ConnectorInfrastructure cachingInfrastructure() {
		UpstreamProperties noLimits = new UpstreamProperties(
				Map.of("default", new UpstreamProperties.Quota(100_000_000, 1_000_000)), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(1), Duration.ofMillis(1), 0, 1));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		CacheProperties cache = new CacheProperties(FINAL_TTL, RECENT_TTL, Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofHours(1), DataSize.ofMegabytes(16));
		UpstreamExecutor upstream = new UpstreamExecutor(cache, noLimits, new VendorQuotaLimiter(noLimits, meters),
				CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1000).build()), meters, clock);
		DrainJobs drains = new DrainJobs(new DrainsProperties(Duration.ofMinutes(1), 1000), upstream,
				new VendorQuotaLimiter(noLimits, meters), clock);
		return new ConnectorInfrastructure(WebClient.builder(), new ObjectMapper(), upstream, drains, clock);
	}

	private static HuaweiSimulator huawei(ZoneId zone) {
		HuaweiSimulatorProperties properties = new HuaweiSimulatorProperties(0, "127.0.0.1", 42, 60,
				"0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f", "HWTESTAK00000000000A", "hw-test-secret-key", "hw-test-iam-token",
				null, Duration.ofMinutes(15), Duration.ofSeconds(3), Duration.ofHours(24), Duration.ofSeconds(2),
				new HuaweiSimulatorProperties.Quotas(100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
						100_000, 100_000),
				zone, 2);
		HuaweiSimulator simulator = new HuaweiSimulator(properties, clock);
		simulator.port();
		return simulator;
	}

	private static AlibabaSimulator alibaba(ZoneId zone) {
		AlibabaSimulatorProperties properties = new AlibabaSimulatorProperties(0, "127.0.0.1", 7, 60,
				"LTAItest0000000000001", "ali-test-secret", null, Duration.ofMinutes(15), Duration.ofMinutes(30),
				Duration.ofSeconds(2), new AlibabaSimulatorProperties.Quotas(100_000, 100_000), zone, 2);
		AlibabaSimulator simulator = new AlibabaSimulator(properties, clock);
		simulator.port();
		return simulator;
	}

}
