package io.deskgraph.connector.huawei;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorContractTests;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktopProduct;
import io.deskgraph.simulator.huawei.HuaweiEstate;
import io.deskgraph.simulator.huawei.HuaweiPool;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopMetric;
import io.deskgraph.usage.DesktopMetricFilter;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.DesktopType;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.ExportStatus;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.MetricSort;
import io.deskgraph.usage.MetricSortField;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.SortDirection;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.UserMetric;
import io.deskgraph.usage.UserMetricFilter;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorRejectedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiUsageConnector}, over real HTTP against the embedded Huawei
 * simulator; expected values are computed from the simulator's estate.
 *
 * @author DeskGraph
 */
class HuaweiUsageConnectorTests extends ConnectorContractTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final String ACCOUNT = "huawei-test";

	private static final String PROJECT_ID = "0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f";

	private static final String AK = "HWTESTAK00000000000A";

	private static final String SK = "hw-test-secret-key";

	private static final String IAM_TOKEN = "hw-test-iam-token";

	private static final String SECURITY_TOKEN = "hw-test-security-token";

	private static final MutableClock clock = new MutableClock(NOW);

	private static HuaweiSimulator simulator;

	private static HuaweiEstate estate;

	private static WebClient control;

	@BeforeAll
	static void startSimulator() {
		HuaweiSimulatorProperties properties = new HuaweiSimulatorProperties(0, "127.0.0.1", 42, 300, PROJECT_ID, AK,
				SK, IAM_TOKEN, SECURITY_TOKEN, Duration.ofMinutes(15), Duration.ofSeconds(3), Duration.ofHours(24),
				Duration.ofSeconds(2),
				new HuaweiSimulatorProperties.Quotas(200, 200, 100, 200, 200, 200, 200, 200, 200), ZoneOffset.UTC, 2);
		simulator = new HuaweiSimulator(properties, clock);
		simulator.port();
		estate = simulator.estate();
		control = WebClient.create(simulator.baseUrl());
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@BeforeEach
	void resetSimulator() {
		TestUpstream.awaitDrains(Duration.ofSeconds(30));
		clock.set(NOW);
		control.post().uri("/_sim/reset").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
	}

	@Test
	void desktopStatusCountsEveryDesktopByStateAndPool() {
		List<HuaweiDesktop> desktops = estate.desktops();
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.assertNext((counts) -> {
				assertThat(counts.total()).isEqualTo(desktops.size());
				assertThat(counts.attach()).isEqualTo(attachCounts(desktops));
				assertThat(counts.run()).isEqualTo(runCounts(desktops));
				assertThat(counts.login()).isEqualTo(loginCounts(desktops));
				assertThat(counts.pools()).hasSize(estate.pools().size());
				for (HuaweiPool pool : estate.pools()) {
					List<HuaweiDesktop> inPool = desktops.stream()
						.filter((desktop) -> pool.id().equals(desktop.poolId()))
						.toList();
					assertThat(counts.pools()).contains(new PoolStatus(ACCOUNT, pool.id(), pool.name(), inPool.size(),
							attachCounts(inPool), runCounts(inPool), loginCounts(inPool)));
				}
			})
			.verifyComplete();
		// The pools took a call of their own (desktop_type=POOLED), made only when asked.
		assertThat(calls("ListDesktopsStatistics")).isEqualTo(2);
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of(), true, false)))
			.assertNext((counts) -> {
				assertThat(counts.total()).isEqualTo(desktops.size());
				assertThat(counts.pools()).isEmpty();
			})
			.verifyComplete();
		assertThat(calls("ListDesktopsStatistics")).isEqualTo(3);
	}

	@Test
	void desktopStatusSendsDesktopTypesAndPoolsAsRepeatedKeys() {
		List<HuaweiDesktop> dedicated = estate.desktops()
			.stream()
			.filter((desktop) -> desktop.type() == HuaweiDesktop.DesktopType.DEDICATED)
			.toList();
		StepVerifier
			.create(connector().desktopStatus(new StatusFilter(List.of(DesktopType.DEDICATED), List.of(), true)))
			.assertNext((counts) -> {
				assertThat(counts.total()).isEqualTo(dedicated.size());
				assertThat(counts.run()).isEqualTo(runCounts(dedicated));
				assertThat(counts.pools()).isEmpty();
			})
			.verifyComplete();
		List<HuaweiPool> pools = estate.pools().subList(0, 2);
		long pooled = estate.desktops()
			.stream()
			.filter((desktop) -> pools.stream().anyMatch((pool) -> pool.id().equals(desktop.poolId())))
			.count();
		StatusFilter byPools = new StatusFilter(List.of(DesktopType.DEDICATED, DesktopType.POOLED),
				pools.stream().map(HuaweiPool::id).toList(), true);
		StepVerifier.create(connector().desktopStatus(byPools)).assertNext((counts) -> {
			assertThat(counts.total()).isEqualTo((int) pooled);
			assertThat(counts.pools()).extracting(PoolStatus::poolId)
				.containsExactlyInAnyOrderElementsOf(pools.stream().map(HuaweiPool::id).toList());
		}).verifyComplete();
	}

	@Test
	void desktopsByIdAskTheDetailListingAHundredIdsACallWithNameStateAndBilling() {
		List<HuaweiDesktop> wanted = estate.desktops().subList(0, 150);
		List<String> ids = new ArrayList<>(wanted.stream().map(HuaweiDesktop::id).toList());
		ids.add("00000000-0000-4000-8000-000000000000");
		HuaweiUsageConnector connector = connector();
		StepVerifier.create(connector.desktops(ids)).assertNext((desktops) -> {
			// The unknown id is absent; every other desktop is as the estate has it.
			assertThat(desktops).hasSize(150);
			for (HuaweiDesktop desktop : wanted) {
				Desktop found = desktops.get(desktop.id());
				assertListedAsInTheEstate(found, desktop);
			}
			assertThat(desktops.values()).extracting(Desktop::billingMode)
				.contains(BillingMode.SUBSCRIPTION, BillingMode.PAY_AS_YOU_GO);
		}).verifyComplete();
		// 151 ids: two calls of at most 100 ids each.
		assertThat(calls("ListDesktopsDetail")).isEqualTo(2);
		assertThat(connector()
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.DESKTOPS, null, null, 151, false, true)))
			.isEqualTo(2);
	}

	@Test
	void desktopsByIdOfAnAccountScopedToAnEnterpriseProjectAreThatProjectsOnly() {
		List<HuaweiDesktop> some = estate.desktops().subList(0, 20);
		List<String> ids = some.stream().map(HuaweiDesktop::id).toList();
		String project = estate.enterpriseProjects().get(1);
		List<String> inProject = some.stream()
			.filter((desktop) -> desktop.enterpriseProjectId().equals(project))
			.map(HuaweiDesktop::id)
			.toList();
		assertThat(inProject).isNotEmpty().hasSizeLessThan(ids.size());
		StepVerifier.create(inEnterpriseProject(project).desktops(ids))
			.assertNext((desktops) -> assertThat(desktops).containsOnlyKeys(inProject))
			.verifyComplete();
		StepVerifier.create(inEnterpriseProject("3f5e7a9c-0000-4000-8000-000000000001").desktops(ids))
			.assertNext((desktops) -> assertThat(desktops).isEmpty())
			.verifyComplete();
		assertThat(calls("ListDesktopsDetail")).isEqualTo(2);
	}

	@Test
	void desktopInventoryListsEveryDesktopWithSpecAndBillingFromOneDrainKeptForTheInventoryTtl() {
		List<HuaweiDesktop> desktops = estate.desktops();
		HuaweiUsageConnector connector = cachingConnector(null);
		StepVerifier.create(connector.desktopInventory()).assertNext((inventory) -> {
			assertThat(inventory).extracting(Desktop::nativeId)
				.containsExactlyElementsOf(desktops.stream().map(HuaweiDesktop::id).toList());
			for (Desktop found : inventory) {
				HuaweiDesktop desktop = estate.desktop(found.nativeId()).orElseThrow();
				assertListedAsInTheEstate(found, desktop);
			}
			assertThat(inventory).extracting(Desktop::billingMode)
				.contains(BillingMode.SUBSCRIPTION, BillingMode.PAY_AS_YOU_GO);
			assertThat(inventory.stream().map(Desktop::spec).distinct().count()).isGreaterThan(1);
		}).verifyComplete();
		// Pages of 1000 desktops, the most ListDesktopsDetail lists in one call.
		long pages = (desktops.size() + 999) / 1000;
		assertThat(calls("ListDesktopsDetail")).isEqualTo(pages);
		assertThat(totalCalls()).isEqualTo(pages);
		// Within deskgraph.cache.inventory-ttl the kept drain answers.
		StepVerifier.create(connector.desktopInventory())
			.assertNext((inventory) -> assertThat(inventory).hasSize(desktops.size()))
			.verifyComplete();
		assertThat(totalCalls()).isEqualTo(pages);
		// The drain is one call of the request, whatever its pages.
		assertThat(connector
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.INVENTORY, null, null, 0, false, false))).isOne();
	}

	@Test
	void desktopInventoryOfMoreThanAThousandDesktopsTakesPagesOfAThousand() {
		HuaweiSimulatorProperties properties = new HuaweiSimulatorProperties(0, "127.0.0.1", 7, 2300, PROJECT_ID, AK,
				SK, IAM_TOKEN, SECURITY_TOKEN, Duration.ofMinutes(15), Duration.ofSeconds(3), Duration.ofHours(24),
				Duration.ofSeconds(2),
				new HuaweiSimulatorProperties.Quotas(200, 200, 100, 200, 200, 200, 200, 200, 200), ZoneOffset.UTC, 2);
		HuaweiSimulator large = new HuaweiSimulator(properties, clock);
		try {
			large.port();
			AccountProperties account = new AccountProperties(ACCOUNT, Vendor.HUAWEI, "cn-north-4", "Huawei test",
					URI.create(large.baseUrl()), PROJECT_ID, AK, SK, null, null, null, null, null, null, null);
			HuaweiUsageConnector connector = new HuaweiConnectorFactory(TestUpstream.infrastructure(clock),
					HuaweiProperties.DEFAULTS)
				.connector(account);
			StepVerifier.create(connector.desktopInventory())
				.assertNext((inventory) -> assertThat(inventory).extracting(Desktop::nativeId)
					.containsExactlyElementsOf(large.estate().desktops().stream().map(HuaweiDesktop::id).toList()))
				.verifyComplete();
			JsonNode stats = WebClient.create(large.baseUrl())
				.get()
				.uri("/_sim/stats")
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block(Duration.ofSeconds(5));
			assertThat(stats.path("calls").path("ListDesktopsDetail").asLong()).isEqualTo(3);
		}
		finally {
			large.stop();
		}
	}

	@Test
	void desktopInventoryOfAnAccountScopedToAnEnterpriseProjectIsThatProjectsOnly() {
		for (String project : estate.enterpriseProjects()) {
			List<String> inProject = estate.desktops()
				.stream()
				.filter((desktop) -> desktop.enterpriseProjectId().equals(project))
				.map(HuaweiDesktop::id)
				.toList();
			assertThat(inProject).isNotEmpty().hasSizeLessThan(estate.desktops().size());
			StepVerifier.create(cachingConnector(project).desktopInventory())
				.assertNext((inventory) -> assertThat(inventory).extracting(Desktop::nativeId)
					.containsExactlyElementsOf(inProject))
				.verifyComplete();
		}
		StepVerifier.create(cachingConnector("3f5e7a9c-0000-4000-8000-000000000001").desktopInventory())
			.assertNext((inventory) -> assertThat(inventory).isEmpty())
			.verifyComplete();
		// One drain of each project's desktops.
		assertThat(calls("ListDesktopsDetail")).isEqualTo(estate.enterpriseProjects().size() + 1);
	}

	private static HuaweiUsageConnector cachingConnector(@Nullable String enterpriseProjectId) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.HUAWEI, "cn-north-4", "Huawei test",
				URI.create(simulator.baseUrl()), PROJECT_ID, AK, SK, null, null, null, null, null, null,
				enterpriseProjectId);
		return new HuaweiConnectorFactory(TestUpstream.cachingInfrastructure(clock), HuaweiProperties.DEFAULTS)
			.connector(account);
	}

	private static HuaweiUsageConnector inEnterpriseProject(String enterpriseProjectId) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.HUAWEI, "cn-north-4", "Huawei test",
				URI.create(simulator.baseUrl()), PROJECT_ID, AK, SK, null, null, null, null, null, null,
				enterpriseProjectId);
		return new HuaweiConnectorFactory(TestUpstream.infrastructure(clock), HuaweiProperties.DEFAULTS)
			.connector(account);
	}

	@Test
	void idleDesktopsPastTheVendorsReachNameItsLimitWithoutSendingAnOffsetItRefuses() {
		Instant since = NOW.minus(Duration.ofDays(7));
		expectInvalid(connector().idleDesktops(since, NOW, 4000, 10), "after",
				"lists only the first 4000 idle desktops (offset 0 to 2000, 2000 a page)");
		assertThat(calls("ListUnusedDesktops")).isZero();
	}

	@Test
	void idleDesktopsAreTheDesktopsUnusedInTheWindow() {
		Instant since = NOW.minus(Duration.ofDays(7));
		List<IdleDesktop> expected = estate.desktops()
			.stream()
			.filter((desktop) -> desktop.createTime().isBefore(NOW) && !estate.usedBetween(desktop.id(), since, NOW))
			.map((desktop) -> new IdleDesktop(desktop(desktop.id(), desktop.name()), desktop.createTime(),
					estate.lastDisconnect(desktop.id(), NOW).orElse(null)))
			.toList();
		assertThat(expected).hasSizeGreaterThan(12);
		StepVerifier.create(connector().idleDesktops(since, NOW, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, expected.size())))
			.verifyComplete();
		StepVerifier.create(connector().idleDesktops(since, NOW, 5, 7))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(5, 12), expected.size())))
			.verifyComplete();
		assertThat(calls("ListUnusedDesktops")).isEqualTo(2);
	}

	@Test
	void desktopUsageByDaySlicesAcrossAVendorPageBoundary() {
		DateRange range = new DateRange(TODAY.minusDays(10), TODAY.minusDays(1));
		List<DesktopUsage> expected = expectedUsage(estate.desktops(), range, Granularity.DAY);
		assertThat(expected).hasSize(300);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 95, 10))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(95, 105), 300)))
			.verifyComplete();
		// Pages of 100 at offsets 0 and 100.
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(2);
	}

	@Test
	void desktopUsageCountBeyondTheEndDrainsTheRest() {
		DateRange range = new DateRange(TODAY.minusDays(3), TODAY.minusDays(1));
		List<DesktopUsage> expected = expectedUsage(estate.desktops(), range, Granularity.DAY);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 250, 1000))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(250, 300), 300)))
			.verifyComplete();
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(1);
		StepVerifier
			.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, 300)))
			.verifyComplete();
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(1 + 3);
	}

	@Test
	void desktopUsageByHourReportsUtcHours() {
		List<HuaweiDesktop> used = estate.desktops().stream().filter(usedIn(TODAY.minusDays(30))).limit(3).toList();
		DateRange range = new DateRange(TODAY.minusDays(2), TODAY);
		List<String> ids = used.stream().map(HuaweiDesktop::id).toList();
		List<DesktopUsage> expected = expectedUsage(used, range, Granularity.HOUR);
		assertThat(expected).allSatisfy((usage) -> assertThat(usage.points()).isNotEmpty());
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.HOUR, ids, null), 0, 10))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(expected, 3));
				assertThat(slice.items().get(0).points()).allSatisfy((point) -> assertThat(point.hour()).isNotNull());
			})
			.verifyComplete();
	}

	@Test
	void desktopUsageOverSeventyFiveDaysMergesThreeWindows() {
		DateRange range = new DateRange(TODAY.minusDays(75), TODAY.minusDays(1));
		List<HuaweiDesktop> chosen = estate.desktops().stream().filter(usedIn(range.from())).limit(4).toList();
		List<String> ids = chosen.stream().map(HuaweiDesktop::id).toList();
		List<DesktopUsage> expected = expectedUsage(chosen, range, Granularity.DAY);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, ids, null), 0, 10))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(expected, 4));
				List<UsagePoint> points = slice.items().get(0).points();
				assertThat(points.get(0).date()).isBefore(range.from().plusDays(31));
				assertThat(points.get(points.size() - 1).date()).isAfter(range.from().plusDays(61));
				assertThat(points).isSortedAccordingTo(Comparator.comparing(UsagePoint::date));
			})
			.verifyComplete();
		// 31 + 31 + 13 days, one page each.
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(3);
	}

	@Test
	void desktopUsageOverSeveralWindowsDrainsEachWindowAndSlicesTheMerge() {
		DateRange range = new DateRange(TODAY.minusDays(75), TODAY.minusDays(1));
		List<DesktopUsage> expected = expectedUsage(estate.desktops(), range, Granularity.DAY);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 150, 20))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(150, 170), 300)))
			.verifyComplete();
		// Three windows of three pages.
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(9);
	}

	@Test
	void desktopUsageForOneUserCountsOnlyThatUsersDesktops() {
		String user = estate.users()
			.stream()
			.filter((name) -> estate.desktopsOf(name).size() == 2)
			.findFirst()
			.orElseThrow();
		DateRange range = new DateRange(TODAY.minusDays(20), TODAY.minusDays(1));
		List<DesktopUsage> expected = expectedUsage(estate.desktopsOf(user), range, Granularity.DAY);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), user), 0, 10))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, 2)))
			.verifyComplete();
	}

	@Test
	void usageRankingByDesktopIsLongestFirstAndPagesInParallelOnlyWhereNeeded() {
		DateRange range = new DateRange(TODAY.minusDays(30), TODAY.minusDays(1));
		List<UsageTotal> expected = desktopRows(range).stream()
			.sorted(Comparator.comparingLong(DesktopRow::usage).reversed().thenComparing((row) -> row.desktop().id()))
			.map((row) -> new UsageTotal(desktop(row.desktop().id(), row.desktop().name()), row.desktop().userName(),
					UsageDuration.ofSeconds(row.usage())))
			.toList();
		StepVerifier.create(connector().usageRanking(range, RankDimension.DESKTOP, 150, 120))
			.assertNext(
					(slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(150, 270), expected.size())))
			.verifyComplete();
		// Pages at offsets 100 and 200; the page at 0 is not needed.
		assertThat(calls("ListDesktopUsageMetric")).isEqualTo(2);
		StepVerifier.create(connector().usageRanking(range, RankDimension.DESKTOP, 0, 3))
			.assertNext((slice) -> assertThat(slice.items()).isEqualTo(expected.subList(0, 3))
				.isSortedAccordingTo(
						Comparator.comparingLong((UsageTotal total) -> total.duration().seconds()).reversed()))
			.verifyComplete();
	}

	@Test
	void usageRankingByUserSumsEveryDesktopOfTheUser() {
		DateRange range = new DateRange(TODAY.minusDays(30), TODAY.minusDays(1));
		List<LocalDate> days = metricDays(range);
		List<UsageTotal> expected = estate.users()
			.stream()
			.map((user) -> new UsageTotal(null, user,
					UsageDuration.ofSeconds(
							estate.desktopsOf(user).stream().mapToLong((desktop) -> usage(desktop.id(), days)).sum())))
			.sorted(Comparator.comparingLong((UsageTotal total) -> total.duration().seconds())
				.reversed()
				.thenComparing(UsageTotal::userName))
			.toList();
		StepVerifier.create(connector().usageRanking(range, RankDimension.USER, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, expected.size())))
			.verifyComplete();
	}

	@Test
	void desktopMetricsApplyTheFilterAndTheSort() {
		DateRange range = new DateRange(TODAY.minusDays(60), TODAY.minusDays(1));
		List<DesktopMetric> expected = desktopRows(range).stream()
			.filter((row) -> row.desktop().name().contains("dev") && row.idleDays() >= 1)
			.sorted(Comparator.comparingLong(DesktopRow::idleDays).thenComparing((row) -> row.desktop().id()))
			.map((row) -> new DesktopMetric(desktop(row.desktop().id(), row.desktop().name()), row.desktop().poolId(),
					(row.desktop().poolId() != null) ? estate.pool(row.desktop().poolId()).orElseThrow().name() : null,
					row.desktop().userName(), UsageDuration.ofSeconds(row.usage()),
					UsageDuration.ofSeconds(row.idleDays() * 86_400L), row.desktop().enterpriseProjectId()))
			.toList();
		assertThat(expected).hasSizeGreaterThan(2);
		DesktopMetricFilter filter = new DesktopMetricFilter("dev", 1, null, null, null);
		MetricSort sort = new MetricSort(MetricSortField.DESKTOP_IDLE_DURATION, SortDirection.ASC);
		StepVerifier.create(connector().desktopMetrics(range, filter, sort, 1, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice)
				.isEqualTo(new Slice<>(expected.subList(1, expected.size()), expected.size())))
			.verifyComplete();
	}

	@Test
	void enterpriseProjectOfTheQueryOrElseOfTheAccountScopesMetricsRankingsAndExports() {
		DateRange range = new DateRange(TODAY.minusDays(20), TODAY.minusDays(1));
		String project = estate.enterpriseProjects().get(1);
		MetricSort byUsage = new MetricSort(MetricSortField.DESKTOP_USAGE, SortDirection.DESC);
		List<String> expected = desktopRows(range).stream()
			.filter((row) -> row.desktop().enterpriseProjectId().equals(project))
			.sorted(Comparator.comparingLong(DesktopRow::usage).reversed().thenComparing((row) -> row.desktop().id()))
			.map((row) -> row.desktop().id())
			.toList();
		assertThat(expected).isNotEmpty().hasSizeLessThan(desktopRows(range).size());
		DesktopMetricFilter named = new DesktopMetricFilter(null, null, null, null, null, project);
		Slice<DesktopMetric> filtered = connector().desktopMetrics(range, named, byUsage, 0, 500)
			.block(Duration.ofSeconds(10));
		assertThat(filtered.items()).extracting((metric) -> metric.desktop().nativeId()).isEqualTo(expected);
		assertThat(filtered.items())
			.allSatisfy((metric) -> assertThat(metric.enterpriseProjectId()).isEqualTo(project));
		// The account's project applies when the query names none, to rankings too.
		HuaweiUsageConnector scoped = connector(project);
		assertThat(scoped.account().enterpriseProjectId()).isEqualTo(project);
		assertThat(
				scoped.desktopMetrics(range, DesktopMetricFilter.NONE, byUsage, 0, 500).block(Duration.ofSeconds(10)))
			.isEqualTo(filtered);
		assertThat(scoped.usageRanking(range, RankDimension.DESKTOP, 0, 500).block(Duration.ofSeconds(10)).items())
			.extracting((total) -> total.desktop().nativeId())
			.isEqualTo(expected);
		List<String> users = estate.users()
			.stream()
			.filter((user) -> estate.desktopsOf(user).get(0).enterpriseProjectId().equals(project))
			.sorted()
			.toList();
		assertThat(scoped.userMetrics(range, UserMetricFilter.NONE, null, 0, 500).block(Duration.ofSeconds(10)).items())
			.extracting(UserMetric::userName)
			.containsExactlyElementsOf(users);
		// A project the query names wins over the account's.
		Slice<DesktopMetric> defaultProject = scoped
			.desktopMetrics(range, new DesktopMetricFilter(null, null, null, null, null, "0"), byUsage, 0, 500)
			.block(Duration.ofSeconds(10));
		assertThat(defaultProject.items()).isNotEmpty()
			.allSatisfy((metric) -> assertThat(metric.enterpriseProjectId()).isEqualTo("0"));
		StepVerifier.create(scoped.startDesktopUsageExport(range, DesktopMetricFilter.NONE, byUsage))
			.assertNext((task) -> assertThat(task.accountId()).isEqualTo(ACCOUNT))
			.verifyComplete();
	}

	@Test
	void userMetricsReportUsageAndLogins() {
		DateRange range = new DateRange(TODAY.minusDays(14), TODAY.minusDays(1));
		List<LocalDate> days = metricDays(range);
		List<UserMetric> expected = new ArrayList<>();
		for (String user : estate.users()) {
			if (!user.contains("user00")) {
				continue;
			}
			long usage = 0;
			int successes = 0;
			int failures = 0;
			for (HuaweiDesktop desktop : estate.desktopsOf(user)) {
				usage += usage(desktop.id(), days);
				for (LocalDate day : days) {
					successes += estate.loginSuccesses(desktop.id(), day);
					failures += estate.loginFailures(desktop.id(), day);
				}
			}
			expected.add(new UserMetric(ACCOUNT, user, UsageDuration.ofSeconds(usage), successes + failures, successes,
					failures, estate.desktopsOf(user).get(0).enterpriseProjectId()));
		}
		expected.sort(Comparator.comparingLong((UserMetric metric) -> metric.usage().seconds())
			.thenComparing(UserMetric::userName));
		assertThat(expected).hasSizeGreaterThan(70);
		StepVerifier
			.create(connector().userMetrics(range, new UserMetricFilter("user00", null, null),
					new MetricSort(MetricSortField.USER_USAGE, SortDirection.ASC), 40, 30))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(40, 70), expected.size())))
			.verifyComplete();
	}

	@Test
	void windowsBeyondTheVendorLimitsAreRejectedBeforeAnyCall() {
		HuaweiUsageConnector connector = connector();
		DateRange tooOld = new DateRange(TODAY.minusDays(181), TODAY.minusDays(150));
		MetricSort byUsage = new MetricSort(MetricSortField.DESKTOP_USAGE, null);
		expectInvalid(connector.desktopMetrics(tooOld, DesktopMetricFilter.NONE, byUsage, 0, 10), "range",
				"last 180 days");
		expectInvalid(connector.usageRanking(tooOld, RankDimension.DESKTOP, 0, 10), "range", "last 180 days");
		expectInvalid(connector.startDesktopUsageExport(tooOld, DesktopMetricFilter.NONE, byUsage), "range",
				"last 180 days");
		DateRange fortyFiveDays = new DateRange(TODAY.minusDays(45), TODAY.minusDays(1));
		expectInvalid(
				connector.userMetrics(fortyFiveDays, UserMetricFilter.NONE,
						new MetricSort(MetricSortField.USER_USAGE, null), 0, 10),
				"range", "Huawei user usage metrics cover at most 30 days per query; the range has 45 days");
		expectInvalid(connector.desktopMetrics(tooOld, DesktopMetricFilter.NONE,
				new MetricSort(MetricSortField.USER_USAGE, null), 0, 10), "range", "180");
		expectInvalid(
				connector.desktopMetrics(new DateRange(TODAY.minusDays(10), TODAY.minusDays(1)),
						DesktopMetricFilter.NONE, new MetricSort(MetricSortField.USER_USAGE, null), 0, 10),
				"sort", "DESKTOP_USAGE or DESKTOP_IDLE_DURATION");
		expectInvalid(connector.userMetrics(new DateRange(TODAY.minusDays(10), TODAY.minusDays(1)),
				UserMetricFilter.NONE, new MetricSort(MetricSortField.DESKTOP_IDLE_DURATION, null), 0, 10), "sort",
				"USER_USAGE only");
		assertThat(totalCalls()).isZero();
	}

	@Test
	void windowsAtTheVendorLimitsAreAccepted() {
		HuaweiUsageConnector connector = connector();
		StepVerifier
			.create(connector.usageRanking(new DateRange(TODAY.minusDays(180), TODAY.minusDays(1)),
					RankDimension.DESKTOP, 0, 1))
			.assertNext((slice) -> assertThat(slice.items()).hasSize(1))
			.verifyComplete();
		StepVerifier
			.create(connector.usageRanking(new DateRange(TODAY.minusDays(30), TODAY.minusDays(1)), RankDimension.USER,
					0, 1))
			.assertNext((slice) -> assertThat(slice.items()).hasSize(1))
			.verifyComplete();
	}

	@Test
	void exportReportsItsTaskUntilTheFileIsReady() {
		HuaweiUsageConnector connector = connector();
		DateRange range = new DateRange(TODAY.minusDays(30), TODAY.minusDays(1));
		ExportTask started = connector
			.startDesktopUsageExport(range, DesktopMetricFilter.NONE,
					new MetricSort(MetricSortField.DESKTOP_USAGE, SortDirection.DESC))
			.block(Duration.ofSeconds(10));
		assertThat(started).isNotNull();
		assertThat(started.status()).isEqualTo(ExportStatus.CREATING);
		assertThat(started.id()).isEqualTo("huawei:" + ACCOUNT + ":" + started.nativeId());
		assertThat(started.accountId()).isEqualTo(ACCOUNT);
		assertThat(started.createdAt()).isEqualTo(NOW);
		assertThat(started.fileName()).isNull();
		assertThat(calls("ExportDesktopUsageMetric")).isEqualTo(1);
		assertThat(calls("ListExportTasks")).isEqualTo(1);
		clock.advance(Duration.ofSeconds(5));
		StepVerifier.create(connector.exportTask(started.nativeId())).assertNext((task) -> {
			assertThat(task.id()).isEqualTo(started.id());
			assertThat(task.status()).isEqualTo(ExportStatus.SUCCESS);
			assertThat(task.fileName()).startsWith("DesktopUsageMetric_").endsWith(".csv");
			assertThat(task.finishedAt()).isEqualTo(NOW.plusSeconds(3));
		}).verifyComplete();
		StepVerifier.create(connector.exportTask("no-such-task")).verifyComplete();
	}

	@Test
	void vendorValidationErrorIsARejection() {
		StepVerifier.create(connector().idleDesktops(NOW, NOW.minusSeconds(60), 0, 10)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(VendorRejectedException.class);
			assertThat(((VendorException) ex).getHttpStatus()).isEqualTo(400);
			assertThat(ex.getMessage()).contains("end_time must not be earlier than start_time");
		}).verify(Duration.ofSeconds(10));
	}

	@Test
	void iamTokenAuthenticatesWithoutSigning() {
		StepVerifier
			.create(connector(HuaweiProperties.DEFAULTS, null, null, null, IAM_TOKEN)
				.desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.assertNext((counts) -> assertThat(counts.total()).isEqualTo(estate.desktops().size()))
			.verifyComplete();
		StepVerifier
			.create(connector(HuaweiProperties.DEFAULTS, null, null, null, "stale-token")
				.desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorAuthException.class);
				assertThat(ex.getMessage()).contains("decrypt token fail").doesNotContain("stale-token");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void temporaryCredentialsSignTheSecurityToken() {
		StepVerifier
			.create(connector(HuaweiProperties.DEFAULTS, AK, SK, SECURITY_TOKEN, null).usageRanking(lastDays(7),
					RankDimension.DESKTOP, 0, 5))
			.assertNext((slice) -> assertThat(slice.items()).hasSize(5))
			.verifyComplete();
	}

	@Test
	void usageOverSeveralWindowsDrainsEachWindowWhole() {
		DateRange range = new DateRange(TODAY.minusDays(40), TODAY.minusDays(1));
		List<DesktopUsage> expected = expectedUsage(estate.desktops(), range, Granularity.DAY);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 0, 5))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(0, 5), expected.size())))
			.verifyComplete();
		// Windows of 31 and 9 days, each 300 entries in pages of 100.
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(2 * 3);
	}

	@Test
	void dailyUsageSumsEveryDesktopPerDayFromTheWindowsOfDesktopUsage() {
		DateRange range = new DateRange(TODAY.minusDays(40), TODAY.minusDays(1));
		List<UsagePoint> expected = new ArrayList<>();
		for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
			LocalDate date = day;
			long seconds = estate.desktops()
				.stream()
				.mapToLong((desktop) -> estate.usageSeconds(desktop.id(), date))
				.sum();
			expected.add(new UsagePoint(day, null, UsageDuration.ofSeconds(seconds)));
		}
		HuaweiUsageConnector connector = connector();
		StepVerifier.create(connector.dailyUsage(range)).expectNext(expected).verifyComplete();
		// The windows of desktop usage, 31 and 9 days, each 300 entries in pages of 100
		// (the same pages, shared through the page cache, as GraphQL tests show).
		assertThat(calls("ListUsedDesktopInfo")).isEqualTo(2 * 3);
		assertThat(connector
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.DAILY_USAGE, range, null, 20, false, false)))
			.isEqualTo(2);
	}

	@Test
	void dailyUsageCutsTheRangeAtTheAccountsTodayAndCountsADayWithoutEntriesAsZero() {
		clock.set(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
		DateRange range = new DateRange(TODAY.minusDays(1), TODAY.plusDays(1));
		StepVerifier.create(connector().dailyUsage(range)).assertNext((points) -> {
			assertThat(points).extracting(UsagePoint::date).containsExactly(TODAY.minusDays(1), TODAY);
			// Today's first minute has no ended hour: no usage yet.
			assertThat(points.get(1).duration()).isEqualTo(UsageDuration.ZERO);
		}).verifyComplete();
		StepVerifier.create(connector().dailyUsage(new DateRange(TODAY.plusDays(1), TODAY.plusDays(1))))
			.expectNext(List.of())
			.verifyComplete();
	}

	@Override
	protected HuaweiUsageConnector connector() {
		return connector(HuaweiProperties.DEFAULTS, AK, SK, null, null);
	}

	@Override
	protected UsageConnector connectorWithSecret(String secret) {
		return connector(HuaweiProperties.DEFAULTS, AK, secret, null, null);
	}

	@Override
	protected UsageConnector connectorWithResponseTimeout(Duration responseTimeout) {
		return connector(new HuaweiProperties(responseTimeout, Duration.ofSeconds(1), 4, DataSize.ofMegabytes(16)), AK,
				SK, null, null);
	}

	@Override
	protected VendorFacts facts() {
		return new VendorFacts(Vendor.HUAWEI, ACCOUNT, 401, "APIGW.0301", "ListDesktopsStatistics", 429, "APIGW.0308",
				"ListUserUsageMetric");
	}

	@Override
	protected LocalDate today() {
		return TODAY;
	}

	@Override
	protected void faults(String json) {
		control.put()
			.uri("/_sim/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(5));
	}

	private static HuaweiUsageConnector connector(HuaweiProperties properties, @Nullable String accessKey,
			@Nullable String secretKey, @Nullable String securityToken, @Nullable String authToken) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.HUAWEI, "cn-north-4", "Huawei test",
				URI.create(simulator.baseUrl()), PROJECT_ID, accessKey, secretKey, securityToken, authToken, null, null,
				null, null, null);
		return new HuaweiConnectorFactory(TestUpstream.infrastructure(clock), properties).connector(account);
	}

	private static HuaweiUsageConnector connector(String enterpriseProjectId) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.HUAWEI, "cn-north-4", "Huawei test",
				URI.create(simulator.baseUrl()), PROJECT_ID, AK, SK, null, null, null, null, null, null,
				enterpriseProjectId);
		return new HuaweiConnectorFactory(TestUpstream.infrastructure(clock), HuaweiProperties.DEFAULTS)
			.connector(account);
	}

	private static void expectInvalid(Mono<?> call, String argument, String message) {
		StepVerifier.create(call).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(InvalidArgumentException.class);
			assertThat(((InvalidArgumentException) ex).getArgument()).isEqualTo(argument);
			assertThat(ex.getMessage()).contains(message);
		}).verify(Duration.ofSeconds(10));
	}

	private static long calls(String operation) {
		JsonNode count = stats().path("calls").path(operation);
		return count.asLong(0);
	}

	private static long totalCalls() {
		long total = 0;
		for (JsonNode count : stats().path("calls")) {
			total += count.asLong();
		}
		return total;
	}

	private static JsonNode stats() {
		return control.get().uri("/_sim/stats").retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(5));
	}

	private static DateRange lastDays(int days) {
		return new DateRange(TODAY.minusDays(days), TODAY.minusDays(1));
	}

	private static UsageQuery query(DateRange range, Granularity granularity, List<String> desktopIds,
			@Nullable String userName) {
		return new UsageQuery(range, granularity, desktopIds, userName, true);
	}

	private static Desktop desktop(String nativeId, @Nullable String name) {
		return Desktop.of(Vendor.HUAWEI, ACCOUNT, nativeId, name);
	}

	private static Predicate<HuaweiDesktop> usedIn(LocalDate since) {
		return (desktop) -> desktop.userName() != null
				&& estate.usedBetween(desktop.id(), since.atStartOfDay(ZoneOffset.UTC).toInstant(),
						TODAY.atStartOfDay(ZoneOffset.UTC).toInstant())
				&& estate.usageSeconds(desktop.id(), TODAY.minusDays(1))
						+ estate.usageSeconds(desktop.id(), TODAY.minusDays(2))
						+ estate.usageSeconds(desktop.id(), TODAY.minusDays(3)) > 0;
	}

	private static List<DesktopUsage> expectedUsage(List<HuaweiDesktop> desktops, DateRange range,
			Granularity granularity) {
		List<DesktopUsage> usages = new ArrayList<>();
		for (HuaweiDesktop desktop : desktops) {
			List<UsagePoint> points = new ArrayList<>();
			for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
				if (granularity == Granularity.DAY) {
					long seconds = estate.usageSeconds(desktop.id(), day);
					if (seconds > 0) {
						points.add(new UsagePoint(day, null, UsageDuration.ofSeconds(seconds)));
					}
					continue;
				}
				for (int hour = 0; hour < 24; hour++) {
					long seconds = estate.usageSeconds(desktop.id(), day, hour);
					if (seconds > 0) {
						points.add(new UsagePoint(day, hour, UsageDuration.ofSeconds(seconds)));
					}
				}
			}
			long total = points.stream().mapToLong((point) -> point.duration().seconds()).sum();
			usages.add(new DesktopUsage(desktop(desktop.id(), null), desktop.userName(), UsageDuration.ofSeconds(total),
					points));
		}
		return usages;
	}

	private static List<LocalDate> metricDays(DateRange range) {
		return estate.metricDays(range.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
				range.to().atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC));
	}

	private static long usage(String desktopId, List<LocalDate> days) {
		return days.stream().mapToLong((day) -> estate.usageSeconds(desktopId, day)).sum();
	}

	/**
	 * Desktop metric rows as the vendor computes them: desktops existing on the last
	 * aggregated day, their usage and the days without usage since their creation.
	 */
	private static List<DesktopRow> desktopRows(DateRange range) {
		List<LocalDate> days = metricDays(range);
		Instant lastDayEnd = days.get(days.size() - 1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<DesktopRow> rows = new ArrayList<>();
		for (HuaweiDesktop desktop : estate.desktops()) {
			if (!desktop.createTime().isBefore(lastDayEnd)) {
				continue;
			}
			LocalDate createdOn = LocalDate.ofInstant(desktop.createTime(), ZoneOffset.UTC);
			long usage = 0;
			long idleDays = 0;
			for (LocalDate day : days) {
				long seconds = estate.usageSeconds(desktop.id(), day);
				usage += seconds;
				if (seconds == 0 && !day.isBefore(createdOn)) {
					idleDays++;
				}
			}
			rows.add(new DesktopRow(desktop, usage, idleDays));
		}
		return rows;
	}

	private static AttachCounts attachCounts(List<HuaweiDesktop> desktops) {
		Map<HuaweiDesktop.AttachState, Integer> counts = new LinkedHashMap<>();
		desktops.forEach((desktop) -> counts.merge(desktop.attachState(), 1, Integer::sum));
		return new AttachCounts(counts.getOrDefault(HuaweiDesktop.AttachState.ATTACHED, 0),
				counts.getOrDefault(HuaweiDesktop.AttachState.UNATTACHED, 0),
				counts.getOrDefault(HuaweiDesktop.AttachState.ATTACHING, 0),
				counts.getOrDefault(HuaweiDesktop.AttachState.ATTACH_ERROR, 0));
	}

	private static RunCounts runCounts(List<HuaweiDesktop> desktops) {
		Map<HuaweiDesktop.RunState, Integer> counts = new LinkedHashMap<>();
		desktops.forEach((desktop) -> counts.merge(desktop.runState(), 1, Integer::sum));
		return new RunCounts(counts.getOrDefault(HuaweiDesktop.RunState.ACTIVE, 0),
				counts.getOrDefault(HuaweiDesktop.RunState.STOPPED, 0),
				counts.getOrDefault(HuaweiDesktop.RunState.ERROR, 0),
				counts.getOrDefault(HuaweiDesktop.RunState.HIBERNATED, 0));
	}

	private static LoginCounts loginCounts(List<HuaweiDesktop> desktops) {
		Map<HuaweiDesktop.LoginState, Integer> counts = new LinkedHashMap<>();
		desktops.forEach((desktop) -> counts.merge(desktop.loginState(), 1, Integer::sum));
		return new LoginCounts(counts.getOrDefault(HuaweiDesktop.LoginState.IN_USE, 0),
				counts.getOrDefault(HuaweiDesktop.LoginState.STOPPED, 0),
				counts.getOrDefault(HuaweiDesktop.LoginState.UNREGISTERED, 0),
				counts.getOrDefault(HuaweiDesktop.LoginState.UNABLE_TO_CONNECT, 0),
				counts.getOrDefault(HuaweiDesktop.LoginState.READY, 0),
				counts.getOrDefault(HuaweiDesktop.LoginState.DISCONNECTED, 0));
	}

	private record DesktopRow(HuaweiDesktop desktop, long usage, long idleDays) {

	}

	/** A desktop of the detail listing as the estate holds it, spec included. */
	private void assertListedAsInTheEstate(Desktop found, HuaweiDesktop desktop) {
		HuaweiDesktopProduct product = estate.product(desktop.id());
		assertThat(found.id()).isEqualTo("huawei:" + ACCOUNT + ":" + desktop.id());
		assertThat(found.name()).isEqualTo(desktop.name());
		assertThat(found.region()).isEqualTo("cn-north-4");
		assertThat(found.vendorState())
			.isEqualTo((desktop.runState() == HuaweiDesktop.RunState.STOPPED) ? "SHUTOFF" : desktop.runState().name());
		assertThat(found.state()).isEqualTo(switch (desktop.runState()) {
			case ACTIVE -> DesktopState.ACTIVE;
			case STOPPED -> DesktopState.STOPPED;
			case HIBERNATED -> DesktopState.HIBERNATED;
			case ERROR -> DesktopState.ERROR;
		});
		assertThat(found.vendorBillingMode()).isEqualTo(product.chargeMode());
		assertThat(found.billingMode())
			.isEqualTo(product.chargeMode().equals("0") ? BillingMode.SUBSCRIPTION : BillingMode.PAY_AS_YOU_GO);
		assertThat(found.spec()).isEqualTo(product.productId());
	}

}
