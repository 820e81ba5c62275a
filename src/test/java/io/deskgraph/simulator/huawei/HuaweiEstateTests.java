package io.deskgraph.simulator.huawei;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.deskgraph.simulator.huawei.HuaweiDesktop.AttachState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.DesktopType;
import io.deskgraph.simulator.huawei.HuaweiDesktop.LoginState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HuaweiEstate}.
 *
 * @author DeskGraph
 */
class HuaweiEstateTests {

	private static final Instant NOW = Instant.parse("2026-11-18T10:30:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

	private final HuaweiEstate estate = new HuaweiEstate(42, 300, CLOCK);

	@Test
	void sameSeedGivesTheSameEstateAndAnotherSeedAnotherOne() {
		HuaweiEstate again = new HuaweiEstate(42, 300, CLOCK);
		assertThat(again.desktops()).isEqualTo(this.estate.desktops());
		assertThat(again.pools()).isEqualTo(this.estate.pools());
		for (HuaweiDesktop desktop : this.estate.desktops().subList(0, 20)) {
			for (int daysAgo = 1; daysAgo < 30; daysAgo++) {
				assertThat(again.usageSeconds(desktop.id(), TODAY.minusDays(daysAgo)))
					.isEqualTo(this.estate.usageSeconds(desktop.id(), TODAY.minusDays(daysAgo)));
			}
		}
		HuaweiEstate other = new HuaweiEstate(43, 300, CLOCK);
		assertThat(other.desktops()).extracting(HuaweiDesktop::id)
			.doesNotContainAnyElementsOf(this.estate.desktops().stream().map(HuaweiDesktop::id).toList());
	}

	@Test
	void everyStateIsPresentEvenInASmallEstate() {
		for (HuaweiEstate any : List.of(this.estate, new HuaweiEstate(7, 12, CLOCK))) {
			assertThat(any.desktops()).extracting(HuaweiDesktop::attachState)
				.containsAll(Arrays.asList(AttachState.values()));
			assertThat(any.desktops()).extracting(HuaweiDesktop::runState)
				.containsAll(Arrays.asList(RunState.values()));
			assertThat(any.desktops()).extracting(HuaweiDesktop::loginState)
				.containsAll(Arrays.asList(LoginState.values()));
		}
	}

	@Test
	void desktopsHaveUniqueUuidIdsAndDepartmentNames() {
		assertThat(this.estate.desktops()).hasSize(300);
		assertThat(this.estate.desktops()).extracting(HuaweiDesktop::id)
			.doesNotHaveDuplicates()
			.allMatch((id) -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
			.isSorted();
		assertThat(this.estate.desktops()).extracting(HuaweiDesktop::name)
			.doesNotHaveDuplicates()
			.allMatch((name) -> name.matches("wks-[a-z]+-\\d{4}"));
	}

	@Test
	void poolsHoldExactlyThePooledDesktops() {
		assertThat(this.estate.pools()).hasSizeBetween(3, 5);
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			if (desktop.type() == DesktopType.POOLED) {
				assertThat(this.estate.pool(desktop.poolId())).isPresent();
			}
			else {
				assertThat(desktop.poolId()).isNull();
			}
		}
		for (HuaweiPool pool : this.estate.pools()) {
			assertThat(this.estate.desktops()).anyMatch((desktop) -> pool.id().equals(desktop.poolId()));
		}
	}

	@Test
	void onlyAttachedDesktopsHaveUsersAndUsage() {
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			assertThat(desktop.userName() != null).isEqualTo(desktop.attachState() == AttachState.ATTACHED);
			if (desktop.userName() == null) {
				assertThat(totalUsage(desktop, 400)).isZero();
			}
		}
		assertThat(this.estate.users()).allMatch((user) -> user.matches("user\\d{4}")).isSorted();
		assertThat(this.estate.users()).extracting((user) -> this.estate.desktopsOf(user).size())
			.allMatch((count) -> count == 1 || count == 2)
			.contains(2);
		assertThat(this.estate.users().stream().mapToInt((user) -> this.estate.desktopsOf(user).size()).sum())
			.isEqualTo((int) this.estate.desktops()
				.stream()
				.filter((desktop) -> desktop.attachState() == AttachState.ATTACHED)
				.count());
	}

	@Test
	void usageComesInHundredthsOfAnHourAndHoursAddUpToTheDay() {
		for (HuaweiDesktop desktop : this.estate.desktops().subList(0, 60)) {
			for (int daysAgo = 0; daysAgo < 40; daysAgo++) {
				LocalDate day = TODAY.minusDays(daysAgo);
				long seconds = this.estate.usageSeconds(desktop.id(), day);
				assertThat(seconds % HuaweiEstate.USAGE_UNIT_SECONDS).isZero();
				assertThat(seconds).isLessThanOrEqualTo(12 * 3600);
				long hours = IntStream.range(0, 24)
					.mapToLong((hour) -> this.estate.usageSeconds(desktop.id(), day, hour))
					.sum();
				assertThat(hours).isEqualTo(seconds);
			}
		}
	}

	@Test
	void weekdaysAreBusierThanWeekends() {
		long weekday = 0;
		long weekend = 0;
		int weekdays = 0;
		int weekends = 0;
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			for (int daysAgo = 100; daysAgo < 156; daysAgo++) {
				LocalDate day = TODAY.minusDays(daysAgo);
				boolean isWeekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				long seconds = this.estate.usageSeconds(desktop.id(), day);
				if (isWeekend) {
					weekend += seconds;
					weekends++;
				}
				else {
					weekday += seconds;
					weekdays++;
				}
			}
		}
		assertThat(weekday / weekdays).isGreaterThan(5 * weekend / weekends);
		List<Long> workingDays = this.estate.desktops()
			.stream()
			.map((desktop) -> this.estate.usageSeconds(desktop.id(), TODAY.minusDays(7 * 20)))
			.filter((seconds) -> seconds > 0)
			.toList();
		assertThat(workingDays).isNotEmpty().allMatch((seconds) -> seconds >= 5 * 3600 && seconds <= 10 * 3600);
	}

	@Test
	void atLeastATenthIsIdleForTheLastTwoWeeksAndSomeWereNeverUsed() {
		List<HuaweiDesktop> idle = this.estate.desktops()
			.stream()
			.filter((desktop) -> totalUsage(desktop, 14) == 0)
			.toList();
		assertThat(idle.size()).isGreaterThanOrEqualTo(30);
		assertThat(idle).filteredOn((desktop) -> desktop.attachState() == AttachState.ATTACHED)
			.hasSizeGreaterThanOrEqualTo(15)
			.anyMatch((desktop) -> totalUsage(desktop, 400) > 0)
			.anyMatch((desktop) -> totalUsage(desktop, 400) == 0);
	}

	@Test
	void historyReachesBackBeyondTwoHundredDays() {
		LocalDate old = TODAY.minusDays(250);
		assertThat(this.estate.desktops()).anyMatch((desktop) -> this.estate.usageSeconds(desktop.id(), old) > 0);
		assertThat(this.estate.desktops())
			.anyMatch((desktop) -> desktop.createTime().isAfter(NOW.minus(14, ChronoUnit.DAYS)));
		assertThat(this.estate.desktops()).allMatch((desktop) -> desktop.createTime().isBefore(NOW)
				&& desktop.createTime().isAfter(NOW.minus(402, ChronoUnit.DAYS)));
	}

	@Test
	void currentDayCountsOnlyTheHoursThatHaveEnded() {
		HuaweiEstate dayBefore = new HuaweiEstate(42, 300, Clock.fixed(NOW.minus(1, ChronoUnit.DAYS), ZoneOffset.UTC));
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			long endedHours = IntStream.range(0, 10)
				.mapToLong((hour) -> this.estate.usageSeconds(desktop.id(), TODAY, hour))
				.sum();
			assertThat(this.estate.usageSeconds(desktop.id(), TODAY)).isEqualTo(endedHours);
			assertThat(this.estate.usageSeconds(desktop.id(), TODAY, 10)).isZero();
			assertThat(this.estate.usageSeconds(desktop.id(), TODAY.plusDays(1))).isZero();
			assertThat(dayBefore.usageSeconds(desktop.id(), TODAY)).isZero();
		}
		assertThat(this.estate.desktops()).anyMatch((desktop) -> this.estate.usageSeconds(desktop.id(), TODAY) > 0);
	}

	@Test
	void dayIsAggregatedAtTwoInTheMorningOfTheNextDay() {
		LocalDate day = LocalDate.parse("2026-11-17");
		HuaweiEstate before = new HuaweiEstate(42, 10,
				Clock.fixed(Instant.parse("2026-11-18T01:59:59Z"), ZoneOffset.UTC));
		HuaweiEstate after = new HuaweiEstate(42, 10,
				Clock.fixed(Instant.parse("2026-11-18T02:00:00Z"), ZoneOffset.UTC));
		assertThat(before.isAggregated(day)).isFalse();
		assertThat(after.isAggregated(day)).isTrue();
		Instant start = Instant.parse("2026-11-10T00:00:00Z");
		Instant end = Instant.parse("2026-11-18T00:00:00Z");
		assertThat(before.metricDays(start, end)).hasSize(7).last().isEqualTo(LocalDate.parse("2026-11-16"));
		assertThat(after.metricDays(start, end)).hasSize(8).last().isEqualTo(day);
		assertThat(after.metricDays(Instant.parse("2026-11-10T23:59:59Z"), Instant.parse("2026-11-11T23:59:58Z")))
			.containsExactly(LocalDate.parse("2026-11-10"));
	}

	@Test
	void daysOfAnotherZoneAreAggregatedAtItsHourAndStampedAtTheirLastSecond() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate day = LocalDate.parse("2026-11-17");
		// 05:00 on November 18 in Shanghai is 21:00 UTC on November 17.
		HuaweiEstate before = new HuaweiEstate(42, 10,
				Clock.fixed(Instant.parse("2026-11-17T20:59:59Z"), ZoneOffset.UTC), shanghai, 5);
		HuaweiEstate after = new HuaweiEstate(42, 10,
				Clock.fixed(Instant.parse("2026-11-17T21:00:00Z"), ZoneOffset.UTC), shanghai, 5);
		assertThat(before.isAggregated(day)).isFalse();
		assertThat(after.isAggregated(day)).isTrue();
		assertThat(after.today()).isEqualTo(LocalDate.parse("2026-11-18"));
		// November 16 in Shanghai ends at 15:59:59 UTC that day.
		assertThat(after.metricDays(Instant.parse("2026-11-16T15:59:59Z"), Instant.parse("2026-11-17T15:59:58Z")))
			.containsExactly(LocalDate.parse("2026-11-16"));
		assertThat(after.metricDays(Instant.parse("2026-11-16T16:00:00Z"), Instant.parse("2026-11-17T15:59:59Z")))
			.containsExactly(day);
		assertThatIllegalArgumentException().isThrownBy(() -> new HuaweiEstate(42, 10, Clock.systemUTC(), shanghai, 24))
			.withMessageContaining("aggregation hour");
	}

	@Test
	void lastDisconnectEndsTheLastSessionBeforeTheMoment() {
		List<HuaweiDesktop> usedYesterday = this.estate.desktops()
			.stream()
			.filter((desktop) -> this.estate.usageSeconds(desktop.id(), TODAY.minusDays(1)) > 0)
			.limit(10)
			.collect(Collectors.toList());
		assertThat(usedYesterday).hasSize(10);
		for (HuaweiDesktop desktop : usedYesterday) {
			Instant endOfYesterday = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant disconnected = this.estate.lastDisconnect(desktop.id(), endOfYesterday).orElseThrow();
			assertThat(disconnected).isAfter(endOfYesterday.minus(1, ChronoUnit.DAYS));
			assertThat(this.estate.usedBetween(desktop.id(), disconnected.minusSeconds(1), disconnected)).isTrue();
			assertThat(this.estate.usedBetween(desktop.id(), disconnected, endOfYesterday)).isFalse();
		}
		HuaweiDesktop unattached = this.estate.desktops()
			.stream()
			.filter((desktop) -> desktop.attachState() == AttachState.UNATTACHED)
			.findFirst()
			.orElseThrow();
		assertThat(this.estate.lastDisconnect(unattached.id(), NOW)).isEmpty();
	}

	private long totalUsage(HuaweiDesktop desktop, int days) {
		long total = 0;
		for (int daysAgo = 0; daysAgo < days; daysAgo++) {
			total += this.estate.usageSeconds(desktop.id(), TODAY.minusDays(daysAgo));
		}
		return total;
	}

}
