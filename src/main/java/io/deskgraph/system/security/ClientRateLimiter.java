package io.deskgraph.system.security;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per client, kept in a bounded Caffeine cache so that many distinct
 * clients cannot exhaust memory; a client forgotten after being idle comes back with a
 * full bucket, as it would have had anyway.
 *
 * @author DeskGraph
 */
final class ClientRateLimiter {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final double tokensPerNano;

	private final int burst;

	private final LongSupplier nanoTime;

	private final Cache<String, Bucket> buckets;

	ClientRateLimiter(SecurityProperties.RateLimit properties, LongSupplier nanoTime) {
		if (properties.requestsPerSecond() <= 0 || properties.burst() < 1 || properties.maxClients() < 1) {
			throw new IllegalArgumentException("deskgraph.security.rate-limit: requests-per-second must be positive, "
					+ "burst and max-clients at least 1");
		}
		this.tokensPerNano = properties.requestsPerSecond() / NANOS_PER_SECOND;
		this.burst = properties.burst();
		this.nanoTime = nanoTime;
		long refillNanos = (long) Math.ceil(this.burst / this.tokensPerNano);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxClients())
			.expireAfterAccess(Duration.ofNanos(refillNanos).plusSeconds(1))
			.build();
	}

	/**
	 * Takes one request permit for a client.
	 * @param client the client's key
	 * @return zero if the request may go on, else how long until a permit is free
	 */
	Duration acquire(String client) {
		long now = this.nanoTime.getAsLong();
		Bucket bucket = this.buckets.get(client, (key) -> new Bucket(this.burst, now));
		return Duration.ofNanos(bucket.take(now, this.burst, this.tokensPerNano));
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		synchronized long take(long now, int capacity, double tokensPerNano) {
			if (now > this.updated) {
				this.tokens = Math.min(capacity, this.tokens + (now - this.updated) * tokensPerNano);
				this.updated = now;
			}
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / tokensPerNano);
		}

	}

}
