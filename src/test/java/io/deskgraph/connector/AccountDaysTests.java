package io.deskgraph.connector;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AccountDays}.
 *
 * @author DeskGraph
 */
class AccountDaysTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 19);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void utcDaysAreFinalAfterTwoOClockUtcTheNextDayByDefault() {
		Account account = new Account("a", Vendor.HUAWEI, "cn-north-4", null);
		assertThat(days(account, "2026-11-20T01:59:59Z").ofWindowEnding(DAY)).isEqualTo(Freshness.RECENT);
		assertThat(days(account, "2026-11-20T02:00:00Z").ofWindowEnding(DAY)).isEqualTo(Freshness.FINAL);
		assertThat(days(account, "2026-11-20T02:00:00Z").today()).isEqualTo(DAY.plusDays(1));
	}

	@Test
	void daysOfAnotherZoneStartEndAndSettleInThatZone() {
		Account account = account(SHANGHAI, 5);
		AccountDays days = days(account, "2026-11-19T16:30:00Z");
		// 16:30 UTC is 00:30 the next day in Shanghai.
		assertThat(days.today()).isEqualTo(DAY.plusDays(1));
		assertThat(days.start(DAY)).isEqualTo(Instant.parse("2026-11-18T16:00:00Z"));
		assertThat(days.end(DAY)).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
		assertThat(days.dayOf(Instant.parse("2026-11-18T16:00:00Z"))).isEqualTo(DAY);
		// 05:00 in Shanghai on the next day is 21:00 UTC on the day itself.
		assertThat(days.settledAt(DAY)).isEqualTo(Instant.parse("2026-11-19T21:00:00Z"));
		assertThat(days(account, "2026-11-19T20:59:59Z").ofWindowEnding(DAY)).isEqualTo(Freshness.RECENT);
		assertThat(days(account, "2026-11-19T21:00:00Z").ofWindowEnding(DAY)).isEqualTo(Freshness.FINAL);
		// The same instant leaves a UTC account's day far from settled.
		assertThat(days(account(Account.UTC, 5), "2026-11-19T21:00:00Z").ofWindowEnding(DAY))
			.isEqualTo(Freshness.RECENT);
	}

	private static Account account(ZoneId zone, int hour) {
		return new Account("a", Vendor.ALIBABA, "cn-shanghai", null, List.of("cn-shanghai"), zone, hour, null);
	}

	private static AccountDays days(Account account, String now) {
		return AccountDays.of(account, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

}
