package io.deskgraph.connector;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.deskgraph.usage.Account;

/**
 * The days of one account's vendor on a clock: which day it is in the account's day zone,
 * where a day starts and ends, and when the vendor has aggregated it.
 *
 * @param zone the zone of the vendor's days ({@link Account#dayZone()})
 * @param aggregationHour the hour of {@code zone} on the next day by which a day is
 * aggregated ({@link Account#aggregationHour()})
 * @param clock the clock
 * @author DeskGraph
 */
public record AccountDays(ZoneId zone, int aggregationHour, Clock clock) {

	/**
	 * The days of an account.
	 * @param account the account
	 * @param clock the clock
	 * @return its days
	 */
	public static AccountDays of(Account account, Clock clock) {
		return new AccountDays(account.dayZone(), account.aggregationHour(), clock);
	}

	/**
	 * The current day in the account's zone.
	 * @return today
	 */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/**
	 * The day of the account's zone an instant falls on.
	 * @param instant the instant
	 * @return the day
	 */
	public LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	/**
	 * Where a day starts.
	 * @param day the day
	 * @return its first instant (the zone's first moment of that day)
	 */
	public Instant start(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * Where a day ends.
	 * @param day the day
	 * @return the first instant of the next day
	 */
	public Instant end(LocalDate day) {
		return start(day.plusDays(1));
	}

	/**
	 * When the vendor has aggregated a day: the aggregation hour of the next day.
	 * @param day the day
	 * @return the instant from which the day's usage no longer changes
	 */
	public Instant settledAt(LocalDate day) {
		return day.plusDays(1).atTime(this.aggregationHour, 0).atZone(this.zone).toInstant();
	}

	/**
	 * Freshness of usage for a window ending on a day.
	 * @param lastDay the last day of the window
	 * @return {@link Freshness#FINAL} once the vendor has aggregated that day, else
	 * {@link Freshness#RECENT}
	 */
	public Freshness ofWindowEnding(LocalDate lastDay) {
		return this.clock.instant().isBefore(settledAt(lastDay)) ? Freshness.RECENT : Freshness.FINAL;
	}

}
