package io.deskgraph.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuotaBucket} on virtual time: burst and refill within the quota,
 * clients taking turns, the share of a client that had its part, deadlines and
 * cancellation.
 *
 * @author DeskGraph
 */
class QuotaBucketTests {

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<String> admitted = new ArrayList<>();

	private final List<Long> admittedAt = new ArrayList<>();

	/** A burst of 30, one more a second, at most 60 in any rolling minute. */
	private final QuotaBucket bucket = new QuotaBucket("acme.ListUsedDesktopInfo", 30, 60, 45,
			() -> this.time.now(TimeUnit.NANOSECONDS), this.time);

	@AfterEach
	void dispose() {
		this.time.dispose();
	}

	@Test
	void burstGoesOutAtOnceAndNoMinuteEverHoldsMoreThanTheQuota() {
		for (int i = 0; i < 200; i++) {
			acquire("a", Duration.ofMinutes(10));
		}
		assertThat(this.admitted).hasSize(30);
		for (int step = 0; step < 2000; step++) {
			this.time.advanceTimeBy(Duration.ofMillis(100));
		}
		assertThat(this.admitted).hasSize(200);
		for (int first = 0; first < this.admittedAt.size(); first++) {
			long windowEnd = this.admittedAt.get(first) + MINUTE;
			long inWindow = this.admittedAt.subList(first, this.admittedAt.size())
				.stream()
				.filter((at) -> at < windowEnd)
				.count();
			assertThat(inWindow).as("calls in the minute from call %d", first).isLessThanOrEqualTo(60);
		}
		// 30 at once, then one a second up to 60 at 30 s; from then on each call waits
		// for
		// one of a minute before to leave: 30 at once at 60 s (the burst's, with the 30
		// permits refilled meanwhile), one a second to 90 s, and so on, 60 a minute: the
		// 90th goes out at 60 s, the 150th at 120 s and the 200th at 180 s.
		assertThat(this.admittedAt.get(59)).isBetween(TimeUnit.SECONDS.toNanos(29), TimeUnit.SECONDS.toNanos(31));
		assertThat(this.admittedAt.get(89)).isBetween(TimeUnit.SECONDS.toNanos(60),
				TimeUnit.MILLISECONDS.toNanos(60_200));
		assertThat(this.admittedAt.get(149)).isBetween(TimeUnit.SECONDS.toNanos(120),
				TimeUnit.MILLISECONDS.toNanos(120_200));
		assertThat(this.admittedAt.get(199)).isBetween(TimeUnit.SECONDS.toNanos(180),
				TimeUnit.MILLISECONDS.toNanos(180_200));
	}

	@Test
	void waitingClientsTakeTurns() {
		for (int i = 0; i < 60; i++) {
			acquire("heavy", Duration.ofMinutes(5));
		}
		for (int i = 0; i < 3; i++) {
			acquire("light", Duration.ofMinutes(5));
		}
		assertThat(this.admitted).hasSize(30).containsOnly("heavy");
		this.time.advanceTimeBy(Duration.ofSeconds(6));
		// Six permits came back: the light client got three of them, not the last three.
		assertThat(this.admitted.subList(30, 36)).containsExactly("heavy", "light", "heavy", "light", "heavy", "light");
	}

	@Test
	void clientPastItsShareOfTheMinuteGoesLastWhileOthersWait() {
		for (int i = 0; i < 50; i++) {
			acquire("heavy", Duration.ofMinutes(5));
		}
		this.time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(this.admitted).hasSize(45).containsOnly("heavy");
		acquire("light", Duration.ofMinutes(5));
		acquire("light", Duration.ofMinutes(5));
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		// The heavy client already had its share (45 of 90): the light one goes first
		// although the heavy one was next in turn.
		assertThat(this.admitted.subList(45, 47)).containsExactly("light", "light");
	}

	@Test
	void callIsRefusedAtOnceWhenItsWaitWouldPassItsDeadline() {
		for (int i = 0; i < 30; i++) {
			acquire("a", Duration.ZERO);
		}
		AtomicReference<Throwable> refused = acquire("b", Duration.ofMillis(500));
		assertThat(refused.get()).isInstanceOf(QuotaWaitException.class);
		assertThat(((QuotaWaitException) refused.get()).expectedWait()).isEqualTo(Duration.ofSeconds(1));
		AtomicReference<Throwable> queued = acquire("c", Duration.ofSeconds(10));
		AtomicReference<Throwable> behind = acquire("d", Duration.ofMillis(1500));
		assertThat(queued.get()).isNull();
		assertThat(behind.get()).isInstanceOf(QuotaWaitException.class);
		assertThat(this.bucket.waiting()).isEqualTo(1);
	}

	@Test
	void waitingCallFailsAtItsDeadlineWhenOthersAreServedFirst() {
		for (int i = 0; i < 45; i++) {
			acquire("heavy", Duration.ofMinutes(1));
		}
		this.time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(this.admitted).hasSize(45);
		AtomicReference<Throwable> heavy = acquire("heavy", Duration.ofMillis(1500));
		for (int i = 0; i < 3; i++) {
			acquire("light", Duration.ofSeconds(10));
		}
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		// The heavy client had its share, so the light one went first and the heavy
		// call's deadline passed while it waited.
		assertThat(heavy.get()).isInstanceOf(QuotaWaitException.class);
		assertThat(this.admitted.subList(45, this.admitted.size())).containsOnly("light");
		assertThat(this.bucket.waiting()).isEqualTo(1);
	}

	@Test
	void cancelledCallLeavesTheQueue() {
		for (int i = 0; i < 30; i++) {
			acquire("a", Duration.ZERO);
		}
		Disposable waiting = this.bucket.acquire("b", TimeUnit.SECONDS.toNanos(10)).subscribe();
		assertThat(this.bucket.waiting()).isEqualTo(1);
		waiting.dispose();
		assertThat(this.bucket.waiting()).isZero();
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(this.bucket.available()).isEqualTo(2);
	}

	private AtomicReference<Throwable> acquire(String client, Duration maxWait) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.bucket.acquire(client, maxWait.toNanos()).subscribe(null, failure::set, () -> {
			this.admitted.add(client);
			this.admittedAt.add(this.time.now(TimeUnit.NANOSECONDS));
		});
		return failure;
	}

}
