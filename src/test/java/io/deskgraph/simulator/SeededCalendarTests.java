package io.deskgraph.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SeededCalendar}.
 *
 * @author DeskGraph
 */
class SeededCalendarTests {

	private static final Instant NOW = Instant.parse("2026-11-18T10:30:00Z");

	private final SeededCalendar calendar = new SeededCalendar(42, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void onlyHoursThatHaveEndedCount() {
		long today = LocalDate.of(2026, 11, 18).toEpochDay();
		assertThat(this.calendar.endedHours(today - 1)).isEqualTo(24);
		assertThat(this.calendar.endedHours(today)).isEqualTo(10);
		assertThat(this.calendar.endedHours(today + 1)).isZero();
		long dayStart = this.calendar.startOfDay(today);
		assertThat(this.calendar.endedHours(today, dayStart + 3599)).isZero();
		assertThat(this.calendar.endedHours(today, dayStart + 3600)).isEqualTo(1);
		assertThat(this.calendar.endedHours(today, dayStart + SeededCalendar.SECONDS_PER_DAY - 1)).isEqualTo(23);
		assertThat(this.calendar.endedHours(today, dayStart + SeededCalendar.SECONDS_PER_DAY)).isEqualTo(24);
	}

	@Test
	void daysAreUtcDays() {
		assertThat(this.calendar.epochDay(Instant.parse("2026-11-17T23:59:59Z")))
			.isEqualTo(LocalDate.of(2026, 11, 17).toEpochDay());
		assertThat(this.calendar.epochDay(Instant.parse("1969-12-31T23:00:00Z"))).isEqualTo(-1);
		assertThat(this.calendar.today()).isEqualTo(LocalDate.of(2026, 11, 18));
		assertThat(this.calendar.startOfDayBefore(2)).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
		assertThat(SeededCalendar.isWeekend(LocalDate.of(2026, 11, 21).toEpochDay())).isTrue();
		assertThat(SeededCalendar.isWeekend(LocalDate.of(2026, 11, 22).toEpochDay())).isTrue();
		assertThat(SeededCalendar.isWeekend(LocalDate.of(2026, 11, 23).toEpochDay())).isFalse();
	}

	@Test
	void daysOfAnotherZoneStartAndEndInThatZone() {
		// 10:30 UTC is 18:30 in Shanghai: ten hours of the UTC day have ended,
		// eighteen of the Shanghai day.
		SeededCalendar shanghai = new SeededCalendar(42, Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
		long today = LocalDate.of(2026, 11, 18).toEpochDay();
		assertThat(shanghai.endedHours(today)).isEqualTo(18);
		assertThat(shanghai.startOfDay(today)).isEqualTo(Instant.parse("2026-11-17T16:00:00Z").getEpochSecond());
		assertThat(shanghai.epochDay(Instant.parse("2026-11-17T16:00:00Z"))).isEqualTo(today);
		assertThat(shanghai.epochDay(Instant.parse("2026-11-17T15:59:59Z"))).isEqualTo(today - 1);
		assertThat(shanghai.startOfDayBefore(2)).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
		SeededCalendar evening = new SeededCalendar(42,
				Clock.fixed(Instant.parse("2026-11-18T17:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
		assertThat(evening.today()).isEqualTo(LocalDate.of(2026, 11, 19));
		assertThat(evening.layoutDay()).isEqualTo(LocalDate.of(2026, 11, 19));
	}

	@Test
	void theLayoutDayStaysWhileTheClockMoves() {
		MovingClock clock = new MovingClock(NOW);
		SeededCalendar moving = new SeededCalendar(42, clock);
		clock.now = NOW.plusSeconds(3 * SeededCalendar.SECONDS_PER_DAY);
		assertThat(moving.layoutDay()).isEqualTo(LocalDate.of(2026, 11, 18));
		assertThat(moving.today()).isEqualTo(LocalDate.of(2026, 11, 21));
	}

	@Test
	void aDesktopDayDrawsTheSameWhateverWasDrawnBefore() {
		long day = LocalDate.of(2026, 11, 2).toEpochDay();
		int first = this.calendar.random(7, day, 1).nextInt();
		this.calendar.random(7, day + 1, 1).nextInt();
		this.calendar.random(8, day, 1).nextInt();
		assertThat(this.calendar.random(7, day, 1).nextInt()).isEqualTo(first);
		assertThat(new SeededCalendar(42, Clock.systemUTC()).random(7, day, 1).nextInt()).isEqualTo(first);
		assertThat(this.calendar.random(7, day, 2).nextInt()).isNotEqualTo(first);
		assertThat(new SeededCalendar(43, Clock.systemUTC()).random(7, day, 1).nextInt()).isNotEqualTo(first);
		assertThat(this.calendar.layoutRandom().nextLong()).isEqualTo(this.calendar.layoutRandom().nextLong());
	}

	private static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
