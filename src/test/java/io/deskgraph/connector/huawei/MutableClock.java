package io.deskgraph.connector.huawei;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test moves it.
 *
 * @author DeskGraph
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock standing at an instant.
	 * @param now the instant
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock to an instant.
	 * @param instant the instant
	 */
	public void set(Instant instant) {
		this.now = instant;
	}

	/**
	 * Moves the clock on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(this.now, zone);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
