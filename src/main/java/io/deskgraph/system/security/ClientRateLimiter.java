package io.deskgraph.system.security;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.lang.Nullable;

/**
 * A token bucket per client, kept in a bounded Caffeine cache so that many distinct
 * clients cannot exhaust memory; a bucket is forgotten once it would be full again, and a
 * client without one has a full bucket, as it would have had anyway.
 *
 * @author DeskGraph
 */
final class ClientRateLimiter {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final double tokensPerNano;

	private final int burst;

	private final LongSupplier nanoTime;

	private final Cache<String, Bucket> buckets;

	/**
	 * Creates a limiter.
	 * @param settings the properties that configure the limiter, named when they are
	 * invalid
	 * @param permitsPerSecond the sustained rate of permits per client
	 * @param burst the permits a client has after being idle
	 * @param maxClients the most clients tracked at once
	 * @param nanoTime the clock
	 */
	ClientRateLimiter(String settings, double permitsPerSecond, int burst, long maxClients, LongSupplier nanoTime) {
		if (!(permitsPerSecond > 0) || burst < 1 || maxClients < 1) {
			throw new IllegalArgumentException(
					settings + ": the rate must be positive, the burst and max-clients at least 1");
		}
		this.tokensPerNano = permitsPerSecond / NANOS_PER_SECOND;
		this.burst = burst;
		this.nanoTime = nanoTime;
		// Buckets are replaced, never changed, so each write sets how long its bucket
		// matters: until it would be full again, debt included.
		this.buckets = Caffeine.newBuilder()
			.ticker(nanoTime::getAsLong)
			.maximumSize(maxClients)
			.expireAfter(
					Expiry.writing((String client, Bucket bucket) -> bucket.untilFull(this.burst, this.tokensPerNano)))
			.build();
	}

	/**
	 * Takes one permit for a client if one is free.
	 * @param client the client's key
	 * @return zero if the permit was taken, else how long until one is free
	 */
	Duration acquire(String client) {
		long now = this.nanoTime.getAsLong();
		long[] wait = new long[1];
		this.buckets.asMap().compute(client, (key, bucket) -> {
			Bucket current = refilled(bucket, now);
			wait[0] = current.untilPermit(this.tokensPerNano);
			return (wait[0] == 0) ? current.minusOne() : current;
		});
		return Duration.ofNanos(wait[0]);
	}

	/**
	 * Takes one permit for a client even if none is free, leaving its bucket in debt that
	 * later permits pay back; for events that have already happened.
	 * @param client the client's key
	 * @return zero if a permit is still free afterwards, else how long until one is
	 */
	Duration charge(String client) {
		long now = this.nanoTime.getAsLong();
		Bucket charged = this.buckets.asMap().compute(client, (key, bucket) -> refilled(bucket, now).minusOne());
		return Duration.ofNanos(charged.untilPermit(this.tokensPerNano));
	}

	/**
	 * Tells whether a client has a permit free, without taking it.
	 * @param client the client's key
	 * @return zero if a permit is free, else how long until one is
	 */
	Duration waitTime(String client) {
		Bucket bucket = this.buckets.getIfPresent(client);
		if (bucket == null) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(refilled(bucket, this.nanoTime.getAsLong()).untilPermit(this.tokensPerNano));
	}

	private Bucket refilled(@Nullable Bucket bucket, long now) {
		return (bucket != null) ? bucket.refill(now, this.burst, this.tokensPerNano) : new Bucket(this.burst, now);
	}

	/**
	 * The tokens of one client at one instant; negative while in debt.
	 *
	 * @param tokens the tokens left
	 * @param updated when they were counted, in nanoseconds of the limiter's clock
	 */
	private record Bucket(double tokens, long updated) {

		Bucket refill(long now, int capacity, double tokensPerNano) {
			if (now <= this.updated) {
				return this;
			}
			return new Bucket(Math.min(capacity, this.tokens + (now - this.updated) * tokensPerNano), now);
		}

		Bucket minusOne() {
			return new Bucket(this.tokens - 1, this.updated);
		}

		long untilPermit(double tokensPerNano) {
			return (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / tokensPerNano);
		}

		Duration untilFull(int capacity, double tokensPerNano) {
			return Duration.ofNanos((long) Math.ceil(Math.max(0, capacity - this.tokens) / tokensPerNano));
		}

	}

}
