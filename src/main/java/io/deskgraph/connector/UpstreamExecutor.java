package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs every vendor call: first the per-account, per-API Caffeine cache of raw answers
 * (identical concurrent calls share one request; stale answers stand in when the vendor
 * fails), then, on a miss, the resilience chain around the HTTP call: bulkhead, rate
 * limiter sized to the vendor quota, circuit breaker and retry with backoff.
 *
 * @author DeskGraph
 */
@Component
public class UpstreamExecutor {

	/** Name of the timer of every vendor HTTP attempt. */
	public static final String TIMER = "deskgraph.upstream.requests";

	/**
	 * Reactor context key of an optional {@link AtomicInteger} that counts the vendor
	 * HTTP attempts made on behalf of one GraphQL request (used for the request log).
	 */
	public static final String CALL_COUNTER = UpstreamExecutor.class.getName() + ".calls";

	private static final Logger logger = LoggerFactory.getLogger(UpstreamExecutor.class);

	private final CacheProperties cacheProperties;

	private final RateLimiterRegistry rateLimiters;

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final BulkheadRegistry bulkheads;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, AsyncCache<Object, Answer>> fresh = new ConcurrentHashMap<>();

	private final Map<String, Cache<Object, Answer>> lastGood = new ConcurrentHashMap<>();

	public UpstreamExecutor(CacheProperties cacheProperties, RateLimiterRegistry rateLimiters,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads,
			MeterRegistry meters, Clock clock) {
		this.cacheProperties = cacheProperties;
		this.rateLimiters = rateLimiters;
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.bulkheads = bulkheads;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Answers a vendor call from the cache or by calling the vendor.
	 * @param <T> the answer type
	 * @param request what the call is
	 * @param call the HTTP call, failing with {@link VendorException}s
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<T> fetch(UpstreamRequest request, Supplier<Mono<T>> call) {
		if (request.freshness() == Freshness.NONE) {
			return guarded(request, call).doOnNext((value) -> report(null, this.clock.instant(), null));
		}
		String name = cacheName(request);
		AsyncCache<Object, Answer> cache = this.fresh.computeIfAbsent(name, (key) -> newFreshCache(request, key));
		return Mono.deferContextual((context) -> {
			FetchReport report = context.getOrDefault(FetchReport.class, null);
			CompletableFuture<Answer> answer = cache.get(request.key(),
					(key, executor) -> guarded(request, call)
						.map((value) -> new Answer(value, this.clock.instant(), request.freshness()))
						.doOnNext((fetched) -> lastGoodCache(name).put(key, fetched))
						.contextWrite(callCounterOf(context))
						.toFuture());
			return Mono.fromFuture(answer, true)
				.doOnNext((fetched) -> report(report, fetched.fetchedAt(), null))
				.onErrorResume(VendorException.class, (failure) -> stale(name, request, failure, report))
				.map((fetched) -> (T) fetched.value());
		});
	}

	/**
	 * Forgets every cached answer, fresh and stale alike; the next call of each kind goes
	 * to the vendor.
	 */
	public void invalidateAll() {
		this.fresh.values().forEach((cache) -> cache.synchronous().invalidateAll());
		this.lastGood.values().forEach(Cache::invalidateAll);
	}

	private Mono<Answer> stale(String name, UpstreamRequest request, VendorException failure,
			@Nullable FetchReport report) {
		Answer previous = lastGoodCache(name).getIfPresent(request.key());
		if (previous == null) {
			return Mono.error(failure);
		}
		logger.warn("{} failed ({}); serving its answer fetched at {}", name, failure.classification(),
				previous.fetchedAt());
		report(report, previous.fetchedAt(), failure);
		return Mono.just(previous);
	}

	private static void report(@Nullable FetchReport report, Instant fetchedAt, @Nullable VendorException stale) {
		if (report != null) {
			report.record(fetchedAt, stale);
		}
	}

	private <T> Mono<T> guarded(UpstreamRequest request, Supplier<Mono<T>> call) {
		String name = request.accountId() + "." + request.api();
		Bulkhead bulkhead = this.bulkheads.bulkhead(request.accountId(),
				configName(request, this.bulkheads::getConfiguration));
		RateLimiter rateLimiter = this.rateLimiters.rateLimiter(name,
				configName(request, this.rateLimiters::getConfiguration));
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name,
				configName(request, this.circuitBreakers::getConfiguration));
		Retry retry = this.retries.retry(name, configName(request, this.retries::getConfiguration));
		// Inside out, as the design says: each retry takes a rate-limit permit and counts
		// in the breaker.
		return Mono.deferContextual((context) -> counted(context, () -> timed(request, call.get())))
			.transformDeferred(BulkheadOperator.of(bulkhead))
			.transformDeferred(RateLimiterOperator.of(rateLimiter))
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
			.transformDeferred(RetryOperator.of(retry))
			.onErrorMap((ex) -> !(ex instanceof VendorException), (ex) -> translate(request, ex));
	}

	/**
	 * The most specific configuration for a call: {@code <vendor>-<api>}, then
	 * {@code <vendor>}, then {@code default}, as configured under {@code resilience4j.*}.
	 */
	private static String configName(UpstreamRequest request, Function<String, Optional<?>> configurations) {
		String vendor = request.vendor().name().toLowerCase(Locale.ROOT);
		for (String candidate : List.of(vendor + "-" + request.api(), vendor)) {
			if (configurations.apply(candidate).isPresent()) {
				return candidate;
			}
		}
		return "default";
	}

	/**
	 * Carries the request's call counter, if any, into a cache load, which runs outside
	 * the caller's subscription.
	 */
	private static Function<Context, Context> callCounterOf(ContextView caller) {
		Optional<AtomicInteger> counter = caller.getOrEmpty(CALL_COUNTER);
		return (context) -> counter.map((calls) -> context.put(CALL_COUNTER, calls)).orElse(context);
	}

	private static <T> Mono<T> counted(ContextView context, Supplier<Mono<T>> attempt) {
		context.<AtomicInteger>getOrEmpty(CALL_COUNTER).ifPresent(AtomicInteger::incrementAndGet);
		return attempt.get();
	}

	private <T> Mono<T> timed(UpstreamRequest request, Mono<T> call) {
		Timer.Sample sample = Timer.start(this.meters);
		return call.doOnSuccess((value) -> stop(sample, request, "success"))
			.doOnError((ex) -> stop(sample, request,
					(ex instanceof VendorException vendor) ? vendor.classification() : "error"));
	}

	private void stop(Timer.Sample sample, UpstreamRequest request, String outcome) {
		sample.stop(Timer.builder(TIMER)
			.description("Vendor HTTP calls, one per attempt")
			.tags("vendor", request.vendor().name(), "account", request.accountId(), "api", request.api(), "outcome",
					outcome)
			.register(this.meters));
	}

	private static Throwable translate(UpstreamRequest request, Throwable ex) {
		String where = request.vendor() + " account " + request.accountId() + " " + request.api();
		if (ex instanceof RequestNotPermitted) {
			return new VendorQuotaException(request.vendor(), request.accountId(), 0, "DESKGRAPH_RATE_LIMIT", null,
					where + ": DeskGraph's rate limiter for this vendor quota is saturated; retry shortly", ex);
		}
		if (ex instanceof BulkheadFullException) {
			return new VendorQuotaException(request.vendor(), request.accountId(), 0, "DESKGRAPH_BULKHEAD", null,
					where + ": too many concurrent calls to this account; retry shortly", ex);
		}
		if (ex instanceof CallNotPermittedException) {
			return new VendorUnavailableException(request.vendor(), request.accountId(), 0, "DESKGRAPH_CIRCUIT_OPEN",
					null, where + ": the vendor failed repeatedly; calls are paused while its circuit is open", ex);
		}
		return ex;
	}

	private AsyncCache<Object, Answer> newFreshCache(UpstreamRequest request, String name) {
		AsyncCache<Object, Answer> cache = Caffeine.newBuilder()
			.maximumSize(this.cacheProperties.maximumSize())
			.expireAfter(new AnswerExpiry(this.cacheProperties, Duration.ZERO))
			.recordStats()
			.buildAsync();
		CaffeineCacheMetrics.monitor(this.meters, cache, "deskgraph.upstream",
				Tags.of("vendor", request.vendor().name(), "account", request.accountId(), "api", request.api()));
		return cache;
	}

	private Cache<Object, Answer> lastGoodCache(String name) {
		return this.lastGood.computeIfAbsent(name,
				(key) -> Caffeine.newBuilder()
					.maximumSize(this.cacheProperties.maximumSize())
					.expireAfter(new AnswerExpiry(this.cacheProperties, this.cacheProperties.staleFor()))
					.build());
	}

	private static String cacheName(UpstreamRequest request) {
		return request.vendor().name().toLowerCase(Locale.ROOT) + ":" + request.accountId() + ":" + request.api();
	}

	/**
	 * A vendor answer and when it was fetched.
	 */
	private record Answer(Object value, Instant fetchedAt, Freshness freshness) {
	}

	/**
	 * Expires an answer after the time to live of its kind of data, plus a grace period.
	 */
	private record AnswerExpiry(CacheProperties properties, Duration grace) implements Expiry<Object, Answer> {

		@Override
		public long expireAfterCreate(Object key, Answer answer, long currentTime) {
			return properties().ttl(answer.freshness()).plus(grace()).toNanos();
		}

		@Override
		public long expireAfterUpdate(Object key, Answer answer, long currentTime, long currentDuration) {
			return expireAfterCreate(key, answer, currentTime);
		}

		@Override
		public long expireAfterRead(Object key, Answer answer, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
