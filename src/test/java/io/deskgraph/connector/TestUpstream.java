package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Builds an {@link UpstreamExecutor} that neither caches nor retries nor limits, so
 * connector tests see every call they make reach the simulator exactly once.
 *
 * @author DeskGraph
 */
public final class TestUpstream {

	private TestUpstream() {
	}

	/**
	 * An executor that passes every call straight through.
	 * @param clock the clock answers are stamped with
	 * @return the executor
	 */
	public static UpstreamExecutor direct(Clock clock) {
		CacheProperties noCache = new CacheProperties(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 100);
		return new UpstreamExecutor(noCache,
				RateLimiterRegistry.of(RateLimiterConfig.custom()
					.limitForPeriod(1_000_000)
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build()),
				CircuitBreakerRegistry.ofDefaults(), RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1000).build()),
				new SimpleMeterRegistry(), clock);
	}

}
