package io.deskgraph.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.system.limits.LimitsProperties;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.InvalidArgumentException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates and normalizes the date windows clients send, against today's date and the
 * longest window DeskGraph asks any vendor about
 * ({@code deskgraph.limits.max-range-days}), before any work is done for them.
 * <p>
 * A day is a day of each account's day zone, and one query may span accounts of several
 * zones, so a window is judged by the union of the accounts' days: "today" is the latest
 * today of any configured account (a day that is today somewhere is not future), and
 * {@code max-range-days} is counted back from the earliest today (a day within reach
 * somewhere is not too old). Each connector then counts its vendor's own limits (90 or
 * 180 days back) from its account's today and cuts what lies past it; a window one
 * account cannot serve fails that account's source only.
 *
 * @author DeskGraph
 */
@Component
class UsageWindows {

	/** Window of idleDesktops when since is not given. */
	static final Duration DEFAULT_IDLE_WINDOW = Duration.ofDays(14);

	private final Clock clock;

	private final int maxRangeDays;

	private final List<ZoneId> zones;

	@Autowired
	UsageWindows(Clock clock, LimitsProperties limits, AccountRegistry accounts) {
		this(clock, limits, accounts.accounts().stream().map(Account::dayZone).toList());
	}

	UsageWindows(Clock clock, LimitsProperties limits, Collection<ZoneId> zones) {
		this.clock = clock;
		this.maxRangeDays = limits.maxRangeDays();
		this.zones = zones.isEmpty() ? List.of(Account.UTC) : zones.stream().distinct().toList();
	}

	/**
	 * The latest today of the accounts' day zones.
	 * @return today
	 */
	LocalDate today() {
		return todayWhere().day();
	}

	private Today todayWhere() {
		Instant now = this.clock.instant();
		Today latest = null;
		for (ZoneId zone : this.zones) {
			LocalDate day = LocalDate.ofInstant(now, zone);
			if (latest == null || day.isAfter(latest.day())) {
				latest = new Today(day, zone);
			}
		}
		return latest;
	}

	/**
	 * Checks a day range and cuts it at today.
	 * @param range the range as sent
	 * @param argument the argument name for errors
	 * @return the range, ending today at the latest
	 * @throws InvalidArgumentException if the range starts in the future or more than
	 * {@code deskgraph.limits.max-range-days} days before today (an inverted range cannot
	 * be built)
	 */
	DateRange pastDays(DateRange range, String argument) {
		Today now = todayWhere();
		LocalDate today = now.day();
		if (range.from().isAfter(today)) {
			throw new InvalidArgumentException(argument, "from (" + range.from()
					+ ") is in the future; usage exists up to today (" + today + ", " + now.zone() + ")");
		}
		LocalDate earliest = earliestDay();
		if (range.from().isBefore(earliest)) {
			throw new InvalidArgumentException(argument,
					"from (" + range.from() + ") is more than " + this.maxRangeDays + " days before today (" + today
							+ ", " + now.zone() + "); DeskGraph asks vendors about the last " + this.maxRangeDays
							+ " days at most (deskgraph.limits.max-range-days), so from must be on or after "
							+ earliest);
		}
		return range.to().isAfter(today) ? new DateRange(range.from(), today) : range;
	}

	/**
	 * The earliest day any window may start on.
	 * @return the earliest today of the accounts' day zones minus
	 * {@code deskgraph.limits.max-range-days}
	 */
	LocalDate earliestDay() {
		Instant now = this.clock.instant();
		LocalDate earliest = null;
		for (ZoneId zone : this.zones) {
			LocalDate day = LocalDate.ofInstant(now, zone);
			if (earliest == null || day.isBefore(earliest)) {
				earliest = day;
			}
		}
		return earliest.minusDays(this.maxRangeDays);
	}

	/**
	 * Checks an idle window, applying the defaults.
	 * @param since start as sent, or {@code null}
	 * @param until end as sent, or {@code null}
	 * @return start and end, the end not later than now
	 */
	TimeWindow idleWindow(@Nullable Instant since, @Nullable Instant until) {
		// Whole minutes keep default windows stable between the pages of one listing.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Instant end = (until == null || until.isAfter(now)) ? now : until;
		Instant start = (since != null) ? since : end.minus(DEFAULT_IDLE_WINDOW);
		Instant earliest = earliestDay().atStartOfDay(ZoneOffset.UTC).toInstant();
		if (start.isBefore(earliest)) {
			throw new InvalidArgumentException("since", "since (" + start + ") is more than " + this.maxRangeDays
					+ " days before now; DeskGraph asks vendors about the last " + this.maxRangeDays
					+ " days at most (deskgraph.limits.max-range-days), so since must be on or after " + earliest);
		}
		if (!start.isBefore(end)) {
			throw new InvalidArgumentException("since", "since (" + start + ") must be before until (" + end
					+ "; until defaults to now and is cut at now)");
		}
		return new TimeWindow(start, end);
	}

	/**
	 * Today in the zone where it is latest.
	 */
	private record Today(LocalDate day, ZoneId zone) {
	}

	/**
	 * A validated time window.
	 *
	 * @param since start
	 * @param until end
	 */
	record TimeWindow(Instant since, Instant until) {
	}

}
