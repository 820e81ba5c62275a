package io.deskgraph.graphql;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.deskgraph.system.limits.LimitsProperties;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.InvalidArgumentException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UsageWindows}.
 *
 * @author DeskGraph
 */
class UsageWindowsTests {

	private static final Instant NOW = Instant.parse("2026-03-10T15:42:37.123Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	/** Today minus the default {@code max-range-days} of 366. */
	private static final LocalDate EARLIEST = LocalDate.of(2025, 3, 9);

	private final UsageWindows windows = new UsageWindows(Clock.fixed(NOW, ZoneOffset.UTC), defaultLimits(),
			List.of(Account.UTC));

	@Test
	void defaultLimitsAllowAYearAndADay() {
		assertThat(defaultLimits().maxRangeDays()).isEqualTo(366);
		assertThat(this.windows.today()).isEqualTo(TODAY);
		assertThat(this.windows.earliestDay()).isEqualTo(EARLIEST);
	}

	@Test
	void rangeEndingInTheFutureIsCutAtToday() {
		DateRange range = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30));
		assertThat(this.windows.pastDays(range, "range"))
			.isEqualTo(new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)));
	}

	@Test
	void rangeEndingTodayOrBeforeIsKept() {
		DateRange endingToday = new DateRange(LocalDate.of(2026, 3, 1), TODAY);
		DateRange endingBefore = new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
		assertThat(this.windows.pastDays(endingToday, "range")).isEqualTo(endingToday);
		assertThat(this.windows.pastDays(endingBefore, "range")).isEqualTo(endingBefore);
	}

	@Test
	void rangeOfTodayOnlyIsAccepted() {
		DateRange today = new DateRange(TODAY, TODAY);
		assertThat(this.windows.pastDays(today, "range")).isEqualTo(today);
	}

	@Test
	void rangeStartingInTheFutureIsRefusedNamingTheArgument() {
		DateRange range = new DateRange(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 12));
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.pastDays(range, "input.range"))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("input.range"))
			.withMessage("input.range: from (2026-03-11) is in the future; usage exists up to today (2026-03-10, UTC)");
	}

	@Test
	void todayIsTheLatestTodayOfTheAccountsDayZones() {
		// 16:30 UTC on March 10 is already March 11 in Shanghai (UTC+8).
		Instant evening = Instant.parse("2026-03-10T16:30:00Z");
		UsageWindows mixed = new UsageWindows(Clock.fixed(evening, ZoneOffset.UTC), defaultLimits(),
				List.of(Account.UTC, ZoneId.of("Asia/Shanghai")));
		UsageWindows utcOnly = new UsageWindows(Clock.fixed(evening, ZoneOffset.UTC), defaultLimits(),
				List.of(Account.UTC));
		DateRange shanghaiToday = new DateRange(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 11));
		assertThat(mixed.today()).isEqualTo(LocalDate.of(2026, 3, 11));
		// Too old is counted from the earliest today: a day within reach of one account.
		assertThat(mixed.earliestDay()).isEqualTo(utcOnly.earliestDay()).isEqualTo(EARLIEST);
		assertThat(mixed.pastDays(shanghaiToday, "range")).isEqualTo(shanghaiToday);
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> utcOnly.pastDays(shanghaiToday, "range"))
			.withMessage("range: from (2026-03-11) is in the future; usage exists up to today (2026-03-10, UTC)");
		DateRange later = new DateRange(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 12));
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> mixed.pastDays(later, "range"))
			.withMessage("range: from (2026-03-12) is in the future; usage exists up to today (2026-03-11, "
					+ "Asia/Shanghai)");
	}

	@Test
	void rangeStartingTooFarBackIsRefusedNamingTheLimit() {
		DateRange range = new DateRange(EARLIEST.minusDays(1), LocalDate.of(2025, 4, 1));
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.pastDays(range, "range"))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("range"))
			.withMessageStartingWith("range: from (2025-03-08) is more than 366 days before today (2026-03-10, UTC)")
			.withMessageContaining("(deskgraph.limits.max-range-days)")
			.withMessageEndingWith("so from must be on or after 2025-03-09");
	}

	@Test
	void rangeStartingExactlyAtTheLimitIsAccepted() {
		DateRange range = new DateRange(EARLIEST, LocalDate.of(2025, 4, 1));
		assertThat(this.windows.pastDays(range, "range")).isEqualTo(range);
	}

	@Test
	void idleWindowDefaultsToFourteenDaysEndingNowInWholeMinutes() {
		assertThat(this.windows.idleWindow(null, null)).isEqualTo(new UsageWindows.TimeWindow(
				Instant.parse("2026-02-24T15:42:00Z"), Instant.parse("2026-03-10T15:42:00Z")));
	}

	@Test
	void idleWindowUntilInThePastIsKeptAndSinceDefaultsFourteenDaysBefore() {
		Instant until = Instant.parse("2026-03-01T12:30:15Z");
		assertThat(this.windows.idleWindow(null, until))
			.isEqualTo(new UsageWindows.TimeWindow(Instant.parse("2026-02-15T12:30:15Z"), until));
	}

	@Test
	void idleWindowUntilInTheFutureIsCutAtNow() {
		Instant since = Instant.parse("2026-03-01T00:00:00Z");
		assertThat(this.windows.idleWindow(since, Instant.parse("2026-03-11T00:00:00Z")))
			.isEqualTo(new UsageWindows.TimeWindow(since, Instant.parse("2026-03-10T15:42:00Z")));
	}

	@Test
	void idleWindowSinceNotBeforeUntilIsRefused() {
		Instant until = Instant.parse("2026-03-01T00:00:00Z");
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.idleWindow(until, until))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("since"))
			.withMessageStartingWith("since: since (2026-03-01T00:00:00Z) must be before until (2026-03-01T00:00:00Z");
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.idleWindow(until.plusSeconds(1), until))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("since"));
	}

	@Test
	void idleWindowSinceInTheFutureIsRefusedAgainstNow() {
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.idleWindow(Instant.parse("2026-03-12T00:00:00Z"), null))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("since"))
			.withMessageContaining("must be before until (2026-03-10T15:42:00Z");
	}

	@Test
	void idleWindowSinceTooFarBackIsRefusedNamingSince() {
		assertThatExceptionOfType(InvalidArgumentException.class)
			.isThrownBy(() -> this.windows.idleWindow(Instant.parse("2025-03-08T23:59:59Z"), null))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("since"))
			.withMessageStartingWith("since: since (2025-03-08T23:59:59Z) is more than 366 days before now")
			.withMessageContaining("(deskgraph.limits.max-range-days)")
			.withMessageEndingWith("so since must be on or after 2025-03-09T00:00:00Z");
	}

	@Test
	void idleWindowSinceExactlyAtTheLimitIsAccepted() {
		Instant since = Instant.parse("2025-03-09T00:00:00Z");
		assertThat(this.windows.idleWindow(since, null))
			.isEqualTo(new UsageWindows.TimeWindow(since, Instant.parse("2026-03-10T15:42:00Z")));
	}

	/**
	 * The limits as an application without {@code deskgraph.limits.*} properties binds
	 * them, from the {@code @DefaultValue}s of {@link LimitsProperties}.
	 */
	private static LimitsProperties defaultLimits() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("deskgraph.limits",
				LimitsProperties.class);
	}

}
