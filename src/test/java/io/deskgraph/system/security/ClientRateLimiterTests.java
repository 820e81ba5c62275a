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

	private final ClientRateLimiter limiter = new ClientRateLimiter("test", 2, 4, 100, this.now::get);

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
	void waitTimeTellsWithoutTakingAPermit() {
		assertThat(this.limiter.waitTime("a")).isZero();
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.waitTime("a")).isZero();
			this.limiter.acquire("a");
		}
		assertThat(this.limiter.waitTime("a")).isEqualTo(Duration.ofMillis(500));
		assertThat(this.limiter.waitTime("a")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void chargeTakesPermitsIntoDebtThatLaterPermitsPayBack() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.charge("a")).isZero();
		}
		assertThat(this.limiter.charge("a")).isEqualTo(Duration.ofMillis(500));
		// Two more events that happened anyway: the bucket is one token in debt.
		this.limiter.charge("a");
		assertThat(this.limiter.charge("a")).isEqualTo(Duration.ofMillis(1500));
		assertThat(this.limiter.acquire("a")).isEqualTo(Duration.ofMillis(1500));
		this.now.addAndGet(Duration.ofMillis(1500).toNanos());
		assertThat(this.limiter.acquire("a")).isZero();
	}

	@Test
	void aBucketInDebtIsNotForgottenBeforeItIsPaidBack() {
		for (int i = 0; i < 24; i++) {
			this.limiter.charge("a");
		}
		// 20 tokens in debt: a full bucket again only after 12 seconds.
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(this.limiter.waitTime("a")).isEqualTo(Duration.ofMillis(500));
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(this.limiter.waitTime("a")).isZero();
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.acquire("a")).isZero();
		}
		assertThat(this.limiter.acquire("a")).isPositive();
	}

	@Test
	void invalidSettingsAreRejectedNamingThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimiter("deskgraph.test.rate", 0, 4, 100, this.now::get))
			.withMessageStartingWith("deskgraph.test.rate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimiter("deskgraph.test.rate", 1, 0, 100, this.now::get));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimiter("deskgraph.test.rate", Double.NaN, 4, 100, this.now::get));
	}

}
