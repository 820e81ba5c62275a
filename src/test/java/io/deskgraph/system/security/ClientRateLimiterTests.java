package io.deskgraph.system.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClientRateLimiter}.
 *
 * @author DeskGraph
 */
class ClientRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final ClientRateLimiter limiter = new ClientRateLimiter(new SecurityProperties.RateLimit(true, 2, 4, 100),
			this.now::get);

	@Test
	void burstIsAllowedThenTheNextPermitIsAHalfSecondAway() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.acquire("a")).isZero();
		}
		assertThat(this.limiter.acquire("a")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void tokensRefillAtTheSustainedRate() {
		for (int i = 0; i < 4; i++) {
			this.limiter.acquire("a");
		}
		this.now.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(this.limiter.acquire("a")).isZero();
		assertThat(this.limiter.acquire("a")).isPositive();
	}

	@Test
	void refillNeverExceedsTheBurst() {
		this.now.addAndGet(Duration.ofHours(1).toNanos());
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.acquire("a")).isZero();
		}
		assertThat(this.limiter.acquire("a")).isPositive();
	}

	@Test
	void clientsHaveTheirOwnBuckets() {
		for (int i = 0; i < 4; i++) {
			this.limiter.acquire("a");
		}
		assertThat(this.limiter.acquire("a")).isPositive();
		assertThat(this.limiter.acquire("b")).isZero();
	}

	@Test
	void invalidSettingsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimiter(new SecurityProperties.RateLimit(true, 0, 4, 100), this.now::get));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimiter(new SecurityProperties.RateLimit(true, 1, 0, 100), this.now::get));
	}

}
