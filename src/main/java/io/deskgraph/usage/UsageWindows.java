package io.deskgraph.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates and normalizes the date windows clients send, against today's date in UTC.
 *
 * @author DeskGraph
 */
@Component
class UsageWindows {

	/** Window of idleDesktops when since is not given. */
	static final Duration DEFAULT_IDLE_WINDOW = Duration.ofDays(14);

	private final Clock clock;

	UsageWindows(Clock clock) {
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Checks a day range and cuts it at today.
	 * @param range the range as sent
	 * @param argument the argument name for errors
	 * @return the range, ending today at the latest
	 */
	DateRange pastDays(DateRange range, String argument) {
		if (range.from().isAfter(range.to())) {
			throw new InvalidArgumentException(argument, "from (" + range.from() + ") is after to (" + range.to()
					+ "); the range is inclusive and from must not be after to");
		}
		LocalDate today = today();
		if (range.from().isAfter(today)) {
			throw new InvalidArgumentException(argument,
					"from (" + range.from() + ") is in the future; usage exists up to today (" + today + ", UTC)");
		}
		return range.to().isAfter(today) ? new DateRange(range.from(), today) : range;
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
		if (!start.isBefore(end)) {
			throw new InvalidArgumentException("since", "since (" + start + ") must be before until (" + end
					+ "; until defaults to now and is cut at now)");
		}
		return new TimeWindow(start, end);
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
