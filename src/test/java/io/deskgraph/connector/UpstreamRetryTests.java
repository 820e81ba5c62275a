package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorRejectedException;
import io.deskgraph.usage.VendorUnavailableException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the retries of {@link UpstreamExecutor}: which failures are retried, the
 * vendor's {@code Retry-After}, the request's deadline and its call budget.
 *
 * @author DeskGraph
 */
class UpstreamRetryTests {

	private static final UpstreamRequest REQUEST = new UpstreamRequest(Vendor.HUAWEI, "acme", "ListDesktopsStatistics",
			"key", Freshness.NONE);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Long> attempts = new CopyOnWriteArrayList<>();

	private final UpstreamExecutor executor = executor();

	@Test
	void vendorRetryAfterIsWaitedBeforeTheNextAttempt() {
		Mono<String> call = this.executor.fetch(REQUEST,
				() -> attempt((n) -> (n == 1) ? throttled(Duration.ofMillis(400)) : null));
		StepVerifier.create(call).expectNext("answer").verifyComplete();
		assertThat(this.attempts).hasSize(2);
		assertThat(Duration.ofNanos(this.attempts.get(1) - this.attempts.get(0)))
			.isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.meters
			.counter(UpstreamExecutor.RETRIES, "vendor", "HUAWEI", "account", "acme", "api", "ListDesktopsStatistics",
					"reason", "UPSTREAM_THROTTLED")
			.count()).isEqualTo(1);
	}

	@Test
	void unavailableVendorIsRetriedUntilTheDeadlineThenReported() {
		RequestBudget budget = new RequestBudget(Clock.systemUTC().instant().plus(Duration.ofMillis(2500)), 10);
		Mono<String> call = this.executor
			.fetch(REQUEST, () -> attempt(
					(n) -> new VendorUnavailableException(Vendor.HUAWEI, "acme", 503, null, null, "down", null)))
			.contextWrite(budget.into());
		long start = System.nanoTime();
		StepVerifier.create(call).expectError(VendorUnavailableException.class).verify(Duration.ofSeconds(5));
		// Backoff 50 ms doubling: 50, 100, 200, 400 ms fit before the deadline less the
		// one-second reserve, 800 ms does not.
		assertThat(this.attempts).hasSize(5);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		assertThat(budget.calls()).isEqualTo(1);
	}

	@Test
	void rejectedAndUnauthorizedCallsAreNotRetried() {
		StepVerifier
			.create(this.executor.fetch(REQUEST, () -> attempt(
					(n) -> new VendorAuthException(Vendor.HUAWEI, "acme", 401, "APIGW.0301", null, "bad key", null))))
			.expectError(VendorAuthException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier
			.create(this.executor.fetch(REQUEST,
					() -> attempt((n) -> new VendorRejectedException(Vendor.HUAWEI, "acme", 400, "WKS.0001", null,
							"bad request", null))))
			.expectError(VendorRejectedException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasSize(2);
	}

	@Test
	void callsBeyondTheRequestBudgetAreNotMade() {
		RequestBudget budget = new RequestBudget(Clock.systemUTC().instant().plusSeconds(20), 1);
		Mono<String> calls = this.executor.fetch(REQUEST, () -> attempt((n) -> null))
			.then(this.executor.fetch(REQUEST, () -> attempt((n) -> null)))
			.contextWrite(budget.into());
		StepVerifier.create(calls).expectError(UpstreamBudgetExceededException.class).verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasSize(1);
	}

	private Mono<String> attempt(java.util.function.IntFunction<RuntimeException> failureOfAttempt) {
		return Mono.defer(() -> {
			this.attempts.add(System.nanoTime());
			RuntimeException failure = failureOfAttempt.apply(this.attempts.size());
			return (failure != null) ? Mono.error(failure) : Mono.just("answer");
		});
	}

	private static VendorQuotaException throttled(Duration retryAfter) {
		return new VendorQuotaException(Vendor.HUAWEI, "acme", 429, "APIGW.0308", null, "throttled", retryAfter, null);
	}

	private UpstreamExecutor executor() {
		CacheProperties noCache = new CacheProperties(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Duration.ZERO, DataSize.ofMegabytes(1));
		UpstreamProperties properties = new UpstreamProperties(
				Map.of("default", new UpstreamProperties.Quota(6000, 100)), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(50), Duration.ofSeconds(5), 0, 10));
		return new UpstreamExecutor(noCache, properties, new VendorQuotaLimiter(properties, this.meters),
				CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(10).build()), this.meters,
				Clock.systemUTC());
	}

}
