package io.deskgraph.simulator.alibaba;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaEstate}.
 *
 * @author DeskGraph
 */
class AlibabaEstateTests {

	// A Monday, half past ten UTC.
	private static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private final AlibabaEstate estate = new AlibabaEstate(7, 240, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void sameSeedGivesTheSameEstateAndAnotherSeedAnother() {
		AlibabaEstate again = new AlibabaEstate(7, 240, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(again.desktops()).isEqualTo(this.estate.desktops());
		assertThat(again.usageRanking(TODAY.minusDays(30), TODAY))
			.isEqualTo(this.estate.usageRanking(TODAY.minusDays(30), TODAY));
		AlibabaEstate other = new AlibabaEstate(8, 240, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(other.desktops()).isNotEqualTo(this.estate.desktops());
	}

	@Test
	void desktopsSpreadOverRegionsStatesAndChargeTypes() {
		List<AlibabaDesktop> desktops = this.estate.desktops();
		assertThat(desktops).hasSize(240);
		assertThat(desktops).extracting(AlibabaDesktop::desktopId)
			.doesNotHaveDuplicates()
			.allMatch((id) -> id.matches("ecd-[a-z0-9]{17}"));
		assertThat(desktops).extracting(AlibabaDesktop::desktopName).doesNotHaveDuplicates();
		assertThat(desktops).extracting(AlibabaDesktop::desktopStatus)
			.containsAll(AlibabaEstate.DESKTOP_STATUSES)
			.allMatch(AlibabaEstate.DESKTOP_STATUSES::contains);
		assertThat(desktops).extracting(AlibabaDesktop::connectionStatus)
			.containsAll(AlibabaEstate.CONNECTION_STATUSES);
		assertThat(desktops).extracting(AlibabaDesktop::chargeType).containsOnly("PrePaid", "PostPaid");
		assertThat(desktops).extracting(AlibabaDesktop::rankingChargeType)
			.contains("PrePaid", "PRE_PAID", "PostPaid", "POST_PAID", "MONTH_PACKAGE", "DURATION");
		int shanghai = this.estate.desktops("cn-shanghai").size();
		int hangzhou = this.estate.desktops("cn-hangzhou").size();
		int beijing = this.estate.desktops("cn-beijing").size();
		assertThat(shanghai + hangzhou + beijing).isEqualTo(240);
		assertThat(shanghai).isGreaterThan(hangzhou);
		assertThat(hangzhou).isGreaterThan(beijing);
		assertThat(beijing).isPositive();
		for (AlibabaDesktop desktop : desktops) {
			assertThat(desktop.officeSiteId()).startsWith(desktop.regionId() + "+dir-");
			assertThat(this.estate.officeSites()).anyMatch((site) -> site.officeSiteId().equals(desktop.officeSiteId())
					&& site.officeSiteName().equals(desktop.officeSiteName()));
			if (desktop.chargeType().equals("PostPaid")) {
				assertThat(desktop.expiredTime()).isEqualTo(AlibabaEstate.PAY_AS_YOU_GO_EXPIRY);
			}
			else if (desktop.desktopStatus().equals("Expired")) {
				assertThat(desktop.expiredTime()).isBefore(NOW);
			}
			else {
				assertThat(desktop.expiredTime()).isAfter(NOW);
			}
			assertThat(desktop.creationTime()).isBefore(NOW);
		}
	}

	@Test
	void desktopsHaveNoneOneOrSeveralEndUsers() {
		Set<Integer> counts = new HashSet<>();
		this.estate.desktops().forEach((desktop) -> counts.add(desktop.endUserIds().size()));
		assertThat(counts).contains(0, 1, 2, 3);
		assertThat(this.estate.endUsers()).allMatch((user) -> user.matches("[a-z]+\\.[a-z]+[0-9]*"));
		assertThat(this.estate.endUsers()).anyMatch((user) -> this.estate.desktopsOf(user).size() > 1);
		for (String user : this.estate.endUsers()) {
			for (AlibabaDesktop desktop : this.estate.desktopsOf(user)) {
				assertThat(this.estate.endUsersOf(desktop.desktopId())).contains(user);
			}
		}
	}

	@Test
	void historyIsLongWithAWeekdayRhythm() {
		long weekdays = 0;
		long weekends = 0;
		for (LocalDate day = TODAY.minusDays(28); day.isBefore(TODAY); day = day.plusDays(1)) {
			long total = total(day);
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (weekend) {
				weekends += total;
			}
			else {
				weekdays += total;
			}
		}
		// 20 weekdays against 8 weekend days.
		assertThat(weekdays / 20).isGreaterThan(5 * weekends / 8);
		assertThat(total(TODAY.minusDays(120))).isPositive();
		assertThat(this.estate.usageRanking(TODAY.minusDays(150), TODAY.minusDays(120))).isNotEmpty();
	}

	@Test
	void someDesktopsAreIdleForTwoWeeksAndSomeWereNeverUsed() {
		int idle = 0;
		int neverUsedWithUsers = 0;
		for (AlibabaDesktop desktop : this.estate.desktops()) {
			String id = desktop.desktopId();
			long recent = this.estate.desktopUsageSeconds(id, TODAY.minusDays(13), TODAY);
			long earlier = this.estate.desktopUsageSeconds(id, TODAY.minusDays(200), TODAY.minusDays(14));
			if (recent == 0 && earlier > 0) {
				idle++;
			}
			if (recent + earlier == 0 && !desktop.endUserIds().isEmpty()) {
				neverUsedWithUsers++;
			}
			if (desktop.endUserIds().isEmpty() || desktop.desktopStatus().equals("Pending")) {
				assertThat(recent + earlier).isZero();
			}
			if (desktop.desktopStatus().equals("Expired") || desktop.desktopStatus().equals("Deleted")) {
				assertThat(recent).isZero();
			}
		}
		assertThat(idle).isGreaterThan(10);
		assertThat(neverUsedWithUsers).isPositive();
	}

	@Test
	void usageIsWholeSecondsPerEndUserWithinADay() {
		for (AlibabaDesktop desktop : this.estate.desktops()) {
			for (LocalDate day = TODAY.minusDays(10); day.isBefore(TODAY); day = day.plusDays(1)) {
				long dayTotal = 0;
				for (String user : desktop.endUserIds()) {
					long seconds = this.estate.usageSeconds(desktop.desktopId(), user, day);
					assertThat(seconds).isBetween(0L, 16 * 3600L);
					dayTotal += seconds;
				}
				// The end users of a shared desktop work in separate slots.
				assertThat(dayTotal).isLessThanOrEqualTo(16 * 3600L);
			}
			assertThat(this.estate.usageSeconds(desktop.desktopId(), "nobody.here", TODAY.minusDays(1))).isZero();
		}
	}

	@Test
	void todayCountsWholeHoursSoFarAndTheFutureNothing() {
		long partial = total(TODAY);
		long untilTen = 0;
		long wholeDay = 0;
		for (AlibabaDesktop desktop : this.estate.desktops()) {
			for (String user : desktop.endUserIds()) {
				untilTen += this.estate.usageSeconds(desktop.desktopId(), user, TODAY,
						Instant.parse("2026-11-23T10:59:59Z"));
				wholeDay += this.estate.usageSeconds(desktop.desktopId(), user, TODAY,
						Instant.parse("2026-11-24T00:00:00Z"));
				assertThat(this.estate.usageSeconds(desktop.desktopId(), user, TODAY.plusDays(1))).isZero();
			}
		}
		assertThat(partial).isPositive().isEqualTo(untilTen).isLessThan(wholeDay);
	}

	@Test
	void rankingSumsEachDesktopAndEndUserLongestFirst() {
		LocalDate from = TODAY.minusDays(20);
		LocalDate to = TODAY.minusDays(1);
		List<AlibabaUsageRow> ranking = this.estate.usageRanking(from, to);
		assertThat(ranking).isNotEmpty();
		for (int i = 1; i < ranking.size(); i++) {
			AlibabaUsageRow previous = ranking.get(i - 1);
			AlibabaUsageRow row = ranking.get(i);
			assertThat(previous.usageDuration()).isGreaterThanOrEqualTo(row.usageDuration());
			if (previous.usageDuration() == row.usageDuration()) {
				assertThat(previous.desktopId() + "/" + previous.endUserId())
					.isLessThan(row.desktopId() + "/" + row.endUserId());
			}
		}
		for (AlibabaUsageRow row : ranking) {
			AlibabaDesktop desktop = this.estate.desktop(row.desktopId()).orElseThrow();
			assertThat(row.usageDuration()).isPositive()
				.isEqualTo(this.estate.usageSeconds(row.desktopId(), row.endUserId(), from, to));
			assertThat(row.desktopName()).isEqualTo(desktop.desktopName());
			assertThat(row.regionId()).isEqualTo(desktop.regionId());
			assertThat(row.chargeType()).isEqualTo(desktop.rankingChargeType());
		}
		long rankedTotal = ranking.stream().mapToLong(AlibabaUsageRow::usageDuration).sum();
		long estateTotal = this.estate.desktops()
			.stream()
			.mapToLong((desktop) -> this.estate.desktopUsageSeconds(desktop.desktopId(), from, to))
			.sum();
		assertThat(rankedTotal).isEqualTo(estateTotal);
	}

	@Test
	void smallEstatesStillHaveEveryRegionAndStatus() {
		AlibabaEstate small = new AlibabaEstate(1, 12, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(small.desktops()).extracting(AlibabaDesktop::desktopStatus)
			.containsAll(AlibabaEstate.DESKTOP_STATUSES);
		assertThat(small.desktops()).extracting(AlibabaDesktop::regionId).containsAll(AlibabaEstate.REGIONS);
		assertThat(new AlibabaEstate(1, 0, Clock.fixed(NOW, ZoneOffset.UTC)).desktops()).isEmpty();
	}

	private long total(LocalDate day) {
		long total = 0;
		for (AlibabaDesktop desktop : this.estate.desktops()) {
			total += this.estate.desktopUsageSeconds(desktop.desktopId(), day, day);
		}
		return total;
	}

}
