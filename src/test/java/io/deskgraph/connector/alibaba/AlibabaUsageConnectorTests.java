package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorContractTests;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.alibaba.AlibabaEstate;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.alibaba.AlibabaUsageRow;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.DesktopType;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import io.deskgraph.usage.UsageTotal;
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
 * Tests for {@link AlibabaUsageConnector}, over real HTTP against the embedded Alibaba
 * simulator; expected values are computed from the simulator's estate.
 *
 * @author DeskGraph
 */
class AlibabaUsageConnectorTests extends ConnectorContractTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final String ACCOUNT = "alibaba-test";

	private static final String REGION = "cn-shanghai";

	private static final String AK = "LTAItestAK0000000001";

	private static final String SECRET = "ali-test-secret";

	private static final String STS_TOKEN = "ali-test-sts-token";

	private static AlibabaSimulator simulator;

	private static AlibabaEstate estate;

	private static WebClient control;

	@BeforeAll
	static void startSimulator() {
		// Quotas well above what one test needs: throttling is provoked through faults.
		AlibabaSimulatorProperties properties = new AlibabaSimulatorProperties(0, "127.0.0.1", 7, 240, AK, SECRET,
				STS_TOKEN, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
				new AlibabaSimulatorProperties.Quotas(100_000, 100_000), ZoneOffset.UTC, 2);
		simulator = new AlibabaSimulator(properties, CLOCK);
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
		control.post().uri("/_sim/reset").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
	}

	@Test
	void usageRankingByDesktopSumsTheEndUsersOfEachDesktopOfEveryRegion() {
		DateRange range = lastDays(30);
		List<UsageTotal> expected = desktopRanking(range);
		assertThat(expected).hasSizeGreaterThan(100);
		assertThat(expected).anySatisfy((total) -> assertThat(total.userName()).isNull());
		StepVerifier.create(connector().usageRanking(range, RankDimension.DESKTOP, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(expected, expected.size()));
				// The account is of cn-shanghai alone: the other regions' usage counts
				// too,
				// each desktop naming its region and how it is billed.
				assertThat(slice.items()).extracting((total) -> total.desktop().region()).containsAll(estate.regions());
				assertThat(slice.items()).allSatisfy((total) -> {
					AlibabaDesktop desktop = estate.desktop(total.desktop().nativeId()).orElseThrow();
					assertThat(total.desktop().region()).isEqualTo(desktop.regionId());
					assertThat(total.desktop().vendorBillingMode()).isEqualTo(desktop.rankingChargeType());
					assertThat(total.desktop().billingMode()).isNotNull();
				});
				assertThat(slice.items()).extracting((total) -> total.desktop().billingMode())
					.contains(BillingMode.SUBSCRIPTION, BillingMode.PAY_AS_YOU_GO, BillingMode.MONTHLY_PACKAGE,
							BillingMode.DURATION_PACKAGE);
			})
			.verifyComplete();
		// All regions' rows come back from the vendor, in pages of 200.
		int rows = estate.usageRanking(range.from(), range.to()).size();
		assertThat(rows).isGreaterThanOrEqualTo(expected.size());
		assertThat(calls("QueryHistoryUsageDurationRank")).isEqualTo(pages(rows, 200));
	}

	@Test
	void configuredRegionsLeaveNoUsageOutOfRankingsAndTotalsAndIdleDesktopsAreTheirsAlone() {
		// cn-hangzhou is not configured: its usage still counts, its desktops are not
		// listed as idle.
		AlibabaUsageConnector connector = connector(List.of("cn-beijing"));
		assertThat(connector.account().regions()).containsExactly(REGION, "cn-beijing");
		DateRange range = lastDays(10);
		List<AlibabaUsageRow> rows = estate.usageRanking(range.from(), range.to());
		long everyRegion = rows.stream().mapToLong(AlibabaUsageRow::usageDuration).sum();
		long hangzhou = rows.stream()
			.filter((row) -> row.regionId().equals("cn-hangzhou"))
			.mapToLong(AlibabaUsageRow::usageDuration)
			.sum();
		assertThat(hangzhou).isPositive();
		StepVerifier.create(connector.usageRanking(range, RankDimension.DESKTOP, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> {
				assertThat(slice.items()).isEqualTo(desktopRanking(range));
				assertThat(slice.items().stream().mapToLong((total) -> total.duration().seconds()).sum())
					.isEqualTo(everyRegion);
				assertThat(slice.items())
					.anySatisfy((total) -> assertThat(total.desktop().region()).isEqualTo("cn-hangzhou"));
			})
			.verifyComplete();
		StepVerifier.create(connector.usageRanking(range, RankDimension.USER, 0, Integer.MAX_VALUE))
			.assertNext(
					(slice) -> assertThat(slice.items().stream().mapToLong((total) -> total.duration().seconds()).sum())
						.isEqualTo(everyRegion))
			.verifyComplete();
		StepVerifier
			.create(connector.desktopUsage(new UsageQuery(range, Granularity.DAY, List.of(), null, false), 0,
					Integer.MAX_VALUE))
			.assertNext((slice) -> {
				assertThat(slice.items().stream().mapToLong((usage) -> usage.total().seconds()).sum())
					.isEqualTo(everyRegion);
				assertThat(slice.totalCount()).isEqualTo(rows.size());
			})
			.verifyComplete();
		Instant since = range.from().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant until = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<IdleDesktop> idle = expectedIdle(since, until, List.of(REGION, "cn-beijing"));
		assertThat(idle).extracting((desktop) -> desktop.desktop().region()).contains(REGION, "cn-beijing");
		long rankCalls = calls("QueryHistoryUsageDurationRank");
		StepVerifier.create(connector.idleDesktops(since, until, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(idle, idle.size())))
			.verifyComplete();
		// One drain of the ranking for each question (these tests keep no answers),
		// whatever the regions; one inventory drain per configured region.
		assertThat(rankCalls).isEqualTo(3 * pages(rows.size(), 200));
		assertThat(calls("QueryHistoryUsageDurationRank") - rankCalls).isEqualTo(pages(rows.size(), 200));
		assertThat(calls("DescribeDesktops"))
			.isEqualTo(pages(estate.desktops(REGION).size(), 100) + pages(estate.desktops("cn-beijing").size(), 100));
	}

	@Test
	void desktopInventoryListsTheDesktopsOfTheConfiguredRegionsWithSpecAndBillingKeptForTheInventoryTtl() {
		List<String> regions = List.of(REGION, "cn-beijing");
		List<AlibabaDesktop> expected = new ArrayList<>();
		regions.forEach((region) -> expected.addAll(estate.desktops(region)));
		assertThat(estate.regions()).hasSizeGreaterThan(regions.size());
		AlibabaUsageConnector connector = cachingConnector(regions);
		StepVerifier.create(connector.desktopInventory()).assertNext((inventory) -> {
			// Region by region in the configured order, each in the vendor's order; no
			// desktop of a region not configured.
			assertThat(inventory).extracting(Desktop::nativeId)
				.containsExactlyInAnyOrderElementsOf(expected.stream().map(AlibabaDesktop::desktopId).toList());
			assertThat(inventory.subList(0, estate.desktops(REGION).size())).extracting(Desktop::region)
				.containsOnly(REGION);
			Map<String, AlibabaDesktop> byId = new LinkedHashMap<>();
			expected.forEach((desktop) -> byId.put(desktop.desktopId(), desktop));
			for (Desktop found : inventory) {
				AlibabaDesktop desktop = byId.get(found.nativeId());
				// Id, name, region, state, billing and spec as DescribeDesktops answers
				// them.
				assertThat(found).isEqualTo(described(desktop));
				assertThat(found.spec()).isEqualTo(desktop.desktopType()).startsWith("eds.");
			}
			assertThat(inventory).extracting(Desktop::region).containsOnly(REGION, "cn-beijing");
			assertThat(inventory).extracting(Desktop::billingMode)
				.contains(BillingMode.SUBSCRIPTION, BillingMode.PAY_AS_YOU_GO);
			assertThat(inventory.stream().map(Desktop::spec).distinct().count()).isGreaterThan(1);
		}).verifyComplete();
		// One drain of each configured region, a page per 100 desktops.
		long calls = pages(estate.desktops(REGION).size(), 100) + pages(estate.desktops("cn-beijing").size(), 100);
		assertThat(calls("DescribeDesktops")).isEqualTo(calls);
		assertThat(totalCalls()).isEqualTo(calls);
		// Within deskgraph.cache.inventory-ttl the kept drains answer.
		StepVerifier.create(connector.desktopInventory())
			.assertNext((inventory) -> assertThat(inventory).hasSize(expected.size()))
			.verifyComplete();
		assertThat(totalCalls()).isEqualTo(calls);
		// One drain job per configured region, each one call of the request.
		assertThat(connector
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.INVENTORY, null, null, 0, false, false)))
			.isEqualTo(regions.size());
	}

	@Test
	void usageRankingByUserSumsEveryDesktopOfTheUserInTheRegion() {
		DateRange range = lastDays(14);
		Map<String, Long> users = new TreeMap<>();
		for (AlibabaUsageRow row : estate.usageRanking(range.from(), range.to())) {
			users.merge(row.endUserId(), row.usageDuration(), Long::sum);
		}
		List<UsageTotal> expected = users.entrySet()
			.stream()
			.map((user) -> new UsageTotal(null, user.getKey(), UsageDuration.ofSeconds(user.getValue())))
			.sorted(Comparator.comparingLong((UsageTotal total) -> total.duration().seconds())
				.reversed()
				.thenComparing(UsageTotal::userName))
			.toList();
		assertThat(expected).hasSizeGreaterThan(100);
		StepVerifier.create(connector().usageRanking(range, RankDimension.USER, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, expected.size())))
			.verifyComplete();
	}

	@Test
	void usageRankingSlicesAtOddOffsetsAreTheRowsOfOneBigSlice() {
		DateRange range = lastDays(7);
		AlibabaUsageConnector connector = connector();
		Slice<UsageTotal> all = connector.usageRanking(range, RankDimension.DESKTOP, 0, Integer.MAX_VALUE)
			.block(Duration.ofSeconds(10));
		assertThat(all).isNotNull();
		List<UsageTotal> pieced = new ArrayList<>();
		long offset = 0;
		for (int count : new int[] { 1, 7, 13, 29, 101, 1000 }) {
			Slice<UsageTotal> slice = connector.usageRanking(range, RankDimension.DESKTOP, offset, count)
				.block(Duration.ofSeconds(10));
			assertThat(slice).isNotNull();
			assertThat(slice.totalCount()).isEqualTo(all.totalCount());
			pieced.addAll(slice.items());
			offset += count;
		}
		assertThat(pieced).isEqualTo(all.items());
		StepVerifier.create(connector.usageRanking(range, RankDimension.DESKTOP, all.totalCount() + 5, 10))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(List.of(), all.totalCount())))
			.verifyComplete();
	}

	@Test
	void usageRankingSendsTheAccountsBizType() {
		StepVerifier
			.create(connector(AlibabaProperties.DEFAULTS, SECRET, null, 2).usageRanking(lastDays(7),
					RankDimension.DESKTOP, 0, 10))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(List.of(), 0)))
			.verifyComplete();
		StepVerifier
			.create(connector(AlibabaProperties.DEFAULTS, SECRET, null, 1).usageRanking(lastDays(7),
					RankDimension.DESKTOP, 0, 3))
			.assertNext((slice) -> assertThat(slice.items()).isEqualTo(desktopRanking(lastDays(7)).subList(0, 3)))
			.verifyComplete();
	}

	@Test
	void windowsStartingMoreThanNinetyDaysAgoAreRejectedBeforeAnyCall() {
		AlibabaUsageConnector connector = connector();
		DateRange tooOld = new DateRange(TODAY.minusDays(91), TODAY.minusDays(1));
		String limit = "Alibaba usage ranking covers only the last 90 days; from must be on or after "
				+ TODAY.minusDays(90);
		expectInvalid(connector.usageRanking(tooOld, RankDimension.DESKTOP, 0, 10), "range", limit);
		expectInvalid(connector.usageRanking(tooOld, RankDimension.USER, 0, 10), "range", limit);
		expectInvalid(connector.desktopUsage(query(tooOld, Granularity.DAY, List.of(), null), 0, 10), "range", limit);
		expectInvalid(connector.idleDesktops(NOW.minus(Duration.ofDays(91)), NOW, 0, 10), "since",
				"covers only the last 90 days; since must be on or after " + TODAY.minusDays(90));
		assertThat(totalCalls()).isZero();
	}

	@Test
	void windowStartingNinetyDaysAgoIsAccepted() {
		DateRange range = new DateRange(TODAY.minusDays(90), TODAY);
		StepVerifier.create(connector().usageRanking(range, RankDimension.DESKTOP, 0, 5))
			.assertNext((slice) -> assertThat(slice.items()).isEqualTo(desktopRanking(range).subList(0, 5)))
			.verifyComplete();
	}

	@Test
	void desktopStatusCountsTheDesktopsOfTheRegionByMappedState() {
		List<AlibabaDesktop> desktops = estate.desktops(REGION);
		StatusCounts expected = expectedStatus(desktops);
		assertThat(desktops).extracting(AlibabaDesktop::desktopStatus)
			.contains("Running", "Stopped", "Starting", "Pending", "Rebuilding");
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.assertNext((counts) -> {
				assertThat(counts).isEqualTo(expected);
				assertThat(counts.total()).isEqualTo(desktops.size());
				assertThat(counts.pools()).isEmpty();
			})
			.verifyComplete();
		// One filtered count per group of run states, and the inventory for login and
		// attach counts.
		assertThat(calls("DescribeDesktops"))
			.isEqualTo(AlibabaMapper.RunGroup.values().length + pages(desktops.size(), 100));
		StepVerifier
			.create(connector().desktopStatus(new StatusFilter(List.of(DesktopType.DEDICATED), List.of(), true)))
			.expectNext(expected)
			.verifyComplete();
	}

	@Test
	void desktopStatusHasNoPools() {
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(DesktopType.POOLED), List.of(), true)))
			.expectNext(new StatusCounts(0, AttachCounts.NONE, RunCounts.NONE, LoginCounts.NONE, List.of()))
			.verifyComplete();
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of("pool-1"), true)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedQueryException.class)
				.hasMessageContaining("Alibaba ECD has no desktop pools"))
			.verify(Duration.ofSeconds(10));
		assertThat(totalCalls()).isZero();
	}

	@Test
	void idleDesktopsAreTheRegionsDesktopsWithoutUsageOnTheDaysOfTheWindow() {
		Instant since = NOW.minus(Duration.ofDays(14));
		List<IdleDesktop> expected = expectedIdle(since, NOW, List.of(REGION));
		assertThat(expected).hasSizeGreaterThan(12);
		StepVerifier.create(connector().idleDesktops(since, NOW, 0, Integer.MAX_VALUE))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected, expected.size())))
			.verifyComplete();
		StepVerifier.create(connector().idleDesktops(since, NOW, 5, 7))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(5, 12), expected.size())))
			.verifyComplete();
		assertThat(calls("DescribeDesktops")).isEqualTo(2L * pages(estate.desktops(REGION).size(), 100));
	}

	@Test
	void idleDesktopsLeaveOutDesktopsCreatedAfterTheWindow() {
		Instant until = NOW.minus(Duration.ofDays(20));
		Instant since = until.minus(Duration.ofDays(10));
		List<IdleDesktop> expected = expectedIdle(since, until, List.of(REGION));
		assertThat(estate.desktops(REGION)).anySatisfy((desktop) -> assertThat(desktop.creationTime()).isAfter(until));
		StepVerifier.create(connector().idleDesktops(since, until, 0, Integer.MAX_VALUE)).assertNext((slice) -> {
			assertThat(slice).isEqualTo(new Slice<>(expected, expected.size()));
			assertThat(slice.items()).allSatisfy((idle) -> assertThat(idle.createdAt()).isBefore(until));
		}).verifyComplete();
	}

	@Test
	void desktopUsageTotalsAndDailyPointsAgreeWithTheEstate() {
		DateRange range = lastDays(7);
		List<DesktopUsage> expected = expectedUsage(range, null, null);
		assertThat(expected).hasSizeGreaterThan(100);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 0, 1000))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(expected, expected.size()));
				assertThat(slice.items()).allSatisfy((usage) -> assertThat(
						usage.points().stream().mapToLong((point) -> point.duration().seconds()).sum())
					.isEqualTo(usage.total().seconds()));
			})
			.verifyComplete();
		// One drain of the window, then one drain of each of its 7 days.
		long windowPages = pages(estate.usageRanking(range.from(), range.to()).size(), 200);
		long dayPages = range.from()
			.datesUntil(range.to().plusDays(1))
			.mapToLong((day) -> pages(estate.usageRanking(day, day).size(), 200))
			.sum();
		assertThat(calls("QueryHistoryUsageDurationRank")).isEqualTo(windowPages + dayPages);
	}

	@Test
	void dailyUsageSumsEachDaysRowsFromTheDrainsOfDesktopUsagePoints() {
		DateRange range = lastDays(7);
		List<UsagePoint> expected = range.from()
			.datesUntil(range.to().plusDays(1))
			.map((day) -> new UsagePoint(day, null,
					UsageDuration.ofSeconds(
							estate.usageRanking(day, day).stream().mapToLong(AlibabaUsageRow::usageDuration).sum())))
			.toList();
		AlibabaUsageConnector connector = connector();
		StepVerifier.create(connector.dailyUsage(range)).expectNext(expected).verifyComplete();
		// One drain of each day, as for the points of desktop usage (the same drains,
		// kept and shared, as GraphQL tests show), and no drain of the whole window.
		assertThat(calls("QueryHistoryUsageDurationRank")).isEqualTo(range.from()
			.datesUntil(range.to().plusDays(1))
			.mapToLong((day) -> pages(estate.usageRanking(day, day).size(), 200))
			.sum());
		StepVerifier.create(connector.desktopUsage(query(range, Granularity.DAY, List.of(), null), 0, 1000))
			.assertNext((slice) -> {
				// The days add up to the points of every desktop and end user.
				Map<LocalDate, Long> points = new TreeMap<>();
				slice.items()
					.forEach((usage) -> usage.points()
						.forEach((point) -> points.merge(point.date(), point.duration().seconds(), Long::sum)));
				assertThat(points.values())
					.containsExactlyElementsOf(expected.stream().map((point) -> point.duration().seconds()).toList());
			})
			.verifyComplete();
		assertThat(connector
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.DAILY_USAGE, range, null, 20, false, false)))
			.isEqualTo(7);
	}

	@Test
	void dailyUsageBeforeTheNinetyDaysIsRejectedWithoutAnyCall() {
		DateRange range = new DateRange(TODAY.minusDays(91), TODAY.minusDays(80));
		expectInvalid(connector().dailyUsage(range), "range", "covers only the last 90 days");
		assertThat(totalCalls()).isZero();
		assertThat(connector()
			.plannedCalls(new PlannedQuestion(PlannedQuestion.Kind.DAILY_USAGE, range, null, 20, false, false)))
			.isZero();
	}

	@Test
	void desktopUsageSlicesInDesktopAndUserOrder() {
		DateRange range = lastDays(3);
		List<DesktopUsage> expected = expectedUsage(range, null, null);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), 37, 11))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(expected.subList(37, 48), expected.size())))
			.verifyComplete();
		StepVerifier
			.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), null), expected.size(), 10))
			.assertNext((slice) -> assertThat(slice).isEqualTo(new Slice<>(List.of(), expected.size())))
			.verifyComplete();
	}

	@Test
	void desktopUsageFiltersByDesktopIdsAndUser() {
		DateRange range = lastDays(10);
		AlibabaDesktop shared = estate.desktops(REGION)
			.stream()
			.filter((desktop) -> desktop.endUserIds().size() >= 2
					&& estate.desktopUsageSeconds(desktop.desktopId(), range.from(), range.to()) > 0)
			.findFirst()
			.orElseThrow();
		List<String> ids = List.of(shared.desktopId());
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, ids, null), 0, 10))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(expectedUsage(range, shared.desktopId(), null),
						expectedUsage(range, shared.desktopId(), null).size()));
				assertThat(slice.items()).hasSizeGreaterThan(1);
			})
			.verifyComplete();
		String user = shared.endUserIds().get(0);
		List<DesktopUsage> ofUser = expectedUsage(range, null, user);
		StepVerifier.create(connector().desktopUsage(query(range, Granularity.DAY, List.of(), user), 0, 10))
			.assertNext((slice) -> {
				assertThat(slice).isEqualTo(new Slice<>(ofUser, ofUser.size()));
				assertThat(slice.items()).allSatisfy((usage) -> assertThat(usage.userName()).isEqualTo(user));
			})
			.verifyComplete();
	}

	@Test
	void desktopUsageOfOneDayNeedsOneDrain() {
		DateRange yesterday = new DateRange(TODAY.minusDays(1), TODAY.minusDays(1));
		StepVerifier.create(connector().desktopUsage(query(yesterday, Granularity.DAY, List.of(), null), 0, 1000))
			.assertNext((slice) -> assertThat(slice.items()).isEqualTo(expectedUsage(yesterday, null, null)))
			.verifyComplete();
		assertThat(calls("QueryHistoryUsageDurationRank"))
			.isEqualTo(pages(estate.usageRanking(yesterday.from(), yesterday.to()).size(), 200));
	}

	@Test
	void hourlyUsageIsUnsupportedWithoutAnyCall() {
		StepVerifier.create(connector().desktopUsage(query(lastDays(3), Granularity.HOUR, List.of(), null), 0, 10))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedQueryException.class)
				.hasMessageContaining("Alibaba ECD reports usage per day only"))
			.verify(Duration.ofSeconds(10));
		assertThat(totalCalls()).isZero();
	}

	@Test
	void temporaryCredentialsSignTheSecurityToken() {
		StepVerifier
			.create(connector(AlibabaProperties.DEFAULTS, SECRET, STS_TOKEN, null).usageRanking(lastDays(3),
					RankDimension.USER, 0, 5))
			.assertNext((slice) -> assertThat(slice.items()).hasSize(5))
			.verifyComplete();
		StepVerifier
			.create(connector(AlibabaProperties.DEFAULTS, SECRET, "stale-token", null)
				.desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(VendorAuthException.class)
				.hasMessageNotContaining("stale-token"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void unknownRegionIsARejection() {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.ALIBABA, "xx-nowhere-1", null,
				URI.create(simulator.baseUrl()), null, AK, SECRET, null, null, null, null, null, null, null);
		AlibabaUsageConnector connector = new AlibabaConnectorFactory(TestUpstream.infrastructure(CLOCK),
				AlibabaProperties.DEFAULTS)
			.connector(account);
		StepVerifier.create(connector.desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(VendorRejectedException.class);
				assertThat(((VendorException) ex).getUpstreamCode()).isNotBlank();
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void rankingsOfManyPagesAreDrainedWholeInOnePassOfTheChain() {
		DateRange range = lastDays(30);
		int rows = estate.usageRanking(range.from(), range.to()).size();
		assertThat(rows).isGreaterThan(AlibabaUsageConnector.RANK_PAGE_SIZE);
		StepVerifier.create(connector().usageRanking(range, RankDimension.DESKTOP, 0, 10))
			.assertNext((slice) -> assertThat(slice.items()).hasSize(10))
			.verifyComplete();
		assertThat(calls("QueryHistoryUsageDurationRank"))
			.isEqualTo((rows + AlibabaUsageConnector.RANK_PAGE_SIZE - 1) / AlibabaUsageConnector.RANK_PAGE_SIZE);
	}

	@Test
	void plannedCallsOfStatusAndIdleDesktopsScaleWithTheRegions() {
		PlannedQuestion status = new PlannedQuestion(PlannedQuestion.Kind.STATUS, null, null, 10, false, false);
		PlannedQuestion idle = new PlannedQuestion(PlannedQuestion.Kind.IDLE, null, null, 10, false, false);
		PlannedQuestion ranking = new PlannedQuestion(PlannedQuestion.Kind.RANKING, lastDays(7), RankDimension.DESKTOP,
				10, false, false);
		int groups = AlibabaMapper.RunGroup.values().length;
		assertThat(connector().plannedCalls(status)).isEqualTo(groups + 1);
		assertThat(connector().plannedCalls(idle)).isEqualTo(2);
		AlibabaUsageConnector everyRegion = connector(estate.regions());
		assertThat(everyRegion.plannedCalls(status)).isEqualTo((groups + 1) * 3);
		assertThat(everyRegion.plannedCalls(idle)).isEqualTo(3 + 1);
		// One ranking drain answers every region.
		assertThat(everyRegion.plannedCalls(ranking)).isEqualTo(connector().plannedCalls(ranking)).isOne();
	}

	@Test
	void statusCountsRunStatesWithOneFilteredCallPerGroupAndNoInventoryUnlessLoginOrAttachIsAsked() {
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of(), false)))
			.assertNext((counts) -> {
				assertThat(counts.total()).isEqualTo(estate.desktops(REGION).size());
				assertThat(counts.login()).isNull();
				assertThat(counts.attach()).isNull();
			})
			.verifyComplete();
		assertThat(calls("DescribeDesktops")).isEqualTo(AlibabaMapper.RunGroup.values().length);
	}

	@Override
	protected AlibabaUsageConnector connector() {
		return connector(AlibabaProperties.DEFAULTS, SECRET, null, null);
	}

	@Override
	protected UsageConnector connectorWithSecret(String secret) {
		return connector(AlibabaProperties.DEFAULTS, secret, null, null);
	}

	@Override
	protected UsageConnector connectorWithResponseTimeout(Duration responseTimeout) {
		return connector(new AlibabaProperties(responseTimeout, Duration.ofSeconds(1), 4, DataSize.ofMegabytes(16)),
				SECRET, null, null);
	}

	@Override
	protected VendorFacts facts() {
		return new VendorFacts(Vendor.ALIBABA, ACCOUNT, 400, "SignatureDoesNotMatch", "DescribeDesktops", 400,
				"Throttling", "QueryHistoryUsageDurationRank");
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

	private static AlibabaUsageConnector connector(AlibabaProperties properties, String secret,
			@Nullable String securityToken, @Nullable Integer bizType) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.ALIBABA, REGION, "Alibaba test",
				URI.create(simulator.baseUrl()), null, AK, secret, securityToken, null, bizType, null, null, null,
				null);
		return new AlibabaConnectorFactory(TestUpstream.infrastructure(CLOCK), properties).connector(account);
	}

	/** A connector of the account's region and more. */
	private static AlibabaUsageConnector connector(List<String> regions) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.ALIBABA, REGION, "Alibaba test",
				URI.create(simulator.baseUrl()), null, AK, SECRET, null, null, null, regions, null, null, null);
		return new AlibabaConnectorFactory(TestUpstream.infrastructure(CLOCK), AlibabaProperties.DEFAULTS)
			.connector(account);
	}

	/** A connector of the account's region and more, whose answers are kept. */
	private static AlibabaUsageConnector cachingConnector(List<String> regions) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.ALIBABA, REGION, "Alibaba test",
				URI.create(simulator.baseUrl()), null, AK, SECRET, null, null, null, regions, null, null, null);
		return new AlibabaConnectorFactory(TestUpstream.cachingInfrastructure(CLOCK), AlibabaProperties.DEFAULTS)
			.connector(account);
	}

	/** How the connector documents ChargeType spellings, restated. */
	static BillingMode billingMode(String chargeType) {
		return switch (chargeType) {
			case "PrePaid", "PRE_PAID" -> BillingMode.SUBSCRIPTION;
			case "PostPaid", "POST_PAID" -> BillingMode.PAY_AS_YOU_GO;
			case "MONTH_PACKAGE" -> BillingMode.MONTHLY_PACKAGE;
			case "DURATION" -> BillingMode.DURATION_PACKAGE;
			default -> BillingMode.OTHER;
		};
	}

	/** How the connector documents DesktopStatus values, restated. */
	static DesktopState state(String desktopStatus) {
		return switch (desktopStatus) {
			case "Running", "Pending", "Starting", "Rebuilding" -> DesktopState.ACTIVE;
			case "Stopped", "Stopping" -> DesktopState.STOPPED;
			case "Hibernated" -> DesktopState.HIBERNATED;
			default -> DesktopState.ERROR;
		};
	}

	/** A desktop as the ranking rows name it: its region and how the ranking bills it. */
	private static Desktop ranked(AlibabaDesktop desktop) {
		return desktop(desktop.desktopId(), desktop.desktopName()).inRegion(desktop.regionId())
			.billed(billingMode(desktop.rankingChargeType()), desktop.rankingChargeType());
	}

	/** A desktop as DescribeDesktops answers it. */
	private static Desktop described(AlibabaDesktop desktop) {
		return desktop(desktop.desktopId(), desktop.desktopName()).inRegion(desktop.regionId())
			.withState(state(desktop.desktopStatus()), desktop.desktopStatus())
			.billed(billingMode(desktop.chargeType()), desktop.chargeType())
			.withSpec(desktop.desktopType());
	}

	private static void expectInvalid(Mono<?> call, String argument, String message) {
		StepVerifier.create(call).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(InvalidArgumentException.class);
			assertThat(((InvalidArgumentException) ex).getArgument()).isEqualTo(argument);
			assertThat(ex.getMessage()).contains(message);
		}).verify(Duration.ofSeconds(10));
	}

	private static long calls(String action) {
		return stats().path("calls").path(action).asLong(0);
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

	private static long pages(int items, int pageSize) {
		return Math.max(1, (items + pageSize - 1) / pageSize);
	}

	private static DateRange lastDays(int days) {
		return new DateRange(TODAY.minusDays(days), TODAY.minusDays(1));
	}

	private static UsageQuery query(DateRange range, Granularity granularity, List<String> desktopIds,
			@Nullable String userName) {
		return new UsageQuery(range, granularity, desktopIds, userName, true);
	}

	private static Desktop desktop(String nativeId, @Nullable String name) {
		return Desktop.of(Vendor.ALIBABA, ACCOUNT, nativeId, name);
	}

	/**
	 * The ranking by desktop: usage summed over the end users of each desktop of every
	 * region, the end user named when only one used the desktop.
	 */
	private static List<UsageTotal> desktopRanking(DateRange range) {
		Map<String, List<AlibabaUsageRow>> byDesktop = new LinkedHashMap<>();
		for (AlibabaUsageRow row : estate.usageRanking(range.from(), range.to())) {
			byDesktop.computeIfAbsent(row.desktopId(), (id) -> new ArrayList<>()).add(row);
		}
		return byDesktop.values()
			.stream()
			.map((rows) -> new UsageTotal(ranked(estate.desktop(rows.get(0).desktopId()).orElseThrow()),
					(rows.size() == 1) ? rows.get(0).endUserId() : null,
					UsageDuration.ofSeconds(rows.stream().mapToLong(AlibabaUsageRow::usageDuration).sum())))
			.sorted(Comparator.comparingLong((UsageTotal total) -> total.duration().seconds())
				.reversed()
				.thenComparing((total) -> total.desktop().nativeId()))
			.toList();
	}

	/**
	 * Usage per desktop and end user of every region with any usage in the window, in
	 * desktop and user order, with a point for each day of use.
	 */
	private static List<DesktopUsage> expectedUsage(DateRange range, @Nullable String desktopId,
			@Nullable String userName) {
		List<DesktopUsage> usages = new ArrayList<>();
		for (AlibabaDesktop desktop : estate.desktops()) {
			if (desktopId != null && !desktopId.equals(desktop.desktopId())) {
				continue;
			}
			for (String user : desktop.endUserIds().stream().sorted().toList()) {
				if (userName != null && !userName.equals(user)) {
					continue;
				}
				List<UsagePoint> points = new ArrayList<>();
				for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
					long seconds = estate.usageSeconds(desktop.desktopId(), user, day);
					if (seconds > 0) {
						points.add(new UsagePoint(day, null, UsageDuration.ofSeconds(seconds)));
					}
				}
				long total = estate.usageSeconds(desktop.desktopId(), user, range.from(), range.to());
				if (total > 0) {
					usages.add(new DesktopUsage(ranked(desktop), user, UsageDuration.ofSeconds(total), points));
				}
			}
		}
		return usages;
	}

	/**
	 * Desktops of some regions created before the end of the window that no end user used
	 * on any day the window touches, by id.
	 */
	private static List<IdleDesktop> expectedIdle(Instant since, Instant until, List<String> regions) {
		LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
		LocalDate last = LocalDate.ofInstant(until.minusNanos(1), ZoneOffset.UTC);
		return estate.desktops()
			.stream()
			.filter((desktop) -> regions.contains(desktop.regionId()) && desktop.creationTime().isBefore(until)
					&& estate.desktopUsageSeconds(desktop.desktopId(), first, last) == 0)
			.map((desktop) -> new IdleDesktop(described(desktop), desktop.creationTime(), null))
			.sorted(Comparator.comparing((IdleDesktop idle) -> idle.desktop().nativeId()))
			.toList();
	}

	/**
	 * Counts desktops the way the connector documents it.
	 */
	private static StatusCounts expectedStatus(List<AlibabaDesktop> desktops) {
		int[] run = new int[4];
		int[] login = new int[6];
		int attached = 0;
		for (AlibabaDesktop desktop : desktops) {
			String status = desktop.desktopStatus();
			run[switch (status) {
				case "Running", "Pending", "Starting", "Rebuilding" -> 0;
				case "Stopped", "Stopping" -> 1;
				case "Hibernated" -> 3;
				default -> 2;
			}]++;
			int loginState;
			if (desktop.connectionStatus().equals("Connected")) {
				loginState = 0;
			}
			else {
				loginState = switch (status) {
					case "Running" -> desktop.connectionStatus().equals("Disconnected") ? 5 : 4;
					case "Stopped", "Stopping", "Hibernated" -> 1;
					case "Pending", "Starting", "Rebuilding" -> 2;
					default -> 3;
				};
			}
			login[loginState]++;
			attached += desktop.endUserIds().isEmpty() ? 0 : 1;
		}
		return new StatusCounts(desktops.size(), new AttachCounts(attached, desktops.size() - attached, 0, 0),
				new RunCounts(run[0], run[1], run[2], run[3]),
				new LoginCounts(login[0], login[1], login[2], login[3], login[4], login[5]), List.of());
	}

}
