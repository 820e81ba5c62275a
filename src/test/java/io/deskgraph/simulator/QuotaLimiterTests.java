package io.deskgraph.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuotaLimiter}.
 *
 * @author DeskGraph
 */
class QuotaLimiterTests {

	private final SteppingClock clock = new SteppingClock();

	private final QuotaLimiter limiter = new QuotaLimiter(this.clock, Duration.ofMinutes(1));

	@Test
	void admitsTheLimitPerRollingWindowAndPerKey() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryAcquire("ak|ListUsedDesktopInfo", 3)).isTrue();
			this.clock.step(Duration.ofSeconds(10));
		}
		assertThat(this.limiter.tryAcquire("ak|ListUsedDesktopInfo", 3)).isFalse();
		assertThat(this.limiter.tryAcquire("ak|ListDesktopsStatistics", 3)).isTrue();
		assertThat(this.limiter.tryAcquire("other|ListUsedDesktopInfo", 3)).isTrue();
		// 60 s after the first call it leaves the window, and one call is admitted again.
		this.clock.step(Duration.ofSeconds(31));
		assertThat(this.limiter.tryAcquire("ak|ListUsedDesktopInfo", 3)).isTrue();
		assertThat(this.limiter.tryAcquire("ak|ListUsedDesktopInfo", 3)).isFalse();
	}

	@Test
	void resetForgetsAdmittedCalls() {
		assertThat(this.limiter.tryAcquire("ak|op", 1)).isTrue();
		assertThat(this.limiter.tryAcquire("ak|op", 1)).isFalse();
		this.limiter.reset();
		assertThat(this.limiter.tryAcquire("ak|op", 1)).isTrue();
	}

	private static final class SteppingClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void step(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
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
