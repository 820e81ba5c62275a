package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.deskgraph.connector.shared.SharedTier;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs every vendor call: first the per-account, per-API Caffeine cache of raw answers
 * (identical concurrent calls share one request; stale answers stand in when the vendor
 * fails), then, on a miss, the request's upstream-call budget and the resilience chain
 * around the HTTP call: a fair quota permit, bulkhead, circuit breaker, and retries with
 * backoff until the request's deadline.
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

	/** How often a call finding its account's bulkhead full asks again. */
	private static final Duration BULKHEAD_POLL = Duration.ofMillis(20);

	private static final Logger logger = LoggerFactory.getLogger(UpstreamExecutor.class);

	/**
	 * Time kept free at the end of a request for a call that got its quota permit late,
	 * so that a permit is not spent on a call the deadline then cuts.
	 */
	private static final Duration CALL_RESERVE = Duration.ofSeconds(1);

	private static final List<Object> CARRIED_KEYS = List.of(CALL_COUNTER, RequestBudget.class, Caller.class);

	/** Name of the counter of retried vendor calls. */
	public static final String RETRIES = "deskgraph.upstream.retries";

	/**
	 * Prefix of the upstream codes of failures DeskGraph raises itself rather than the
	 * vendor (its own rate limit, open circuit, full bulkhead, deadline).
	 */
	public static final String OWN_CODE_PREFIX = "DESKGRAPH_";

	private final UpstreamProperties properties;

	private final VendorQuotaLimiter quotaLimiter;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	private final MeterRegistry meters;

	private final Clock clock;

	private final VendorPageCache cache;

	@Nullable
	private final SharedPages shared;

	private final AtomicLong generation = new AtomicLong();

	public UpstreamExecutor(CacheProperties cacheProperties, UpstreamProperties properties,
			VendorQuotaLimiter quotaLimiter, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			MeterRegistry meters, Clock clock) {
		this(cacheProperties, properties, quotaLimiter, circuitBreakers, bulkheads, meters, clock, (SharedTier) null);
	}

	@Autowired
	public UpstreamExecutor(CacheProperties cacheProperties, UpstreamProperties properties,
			VendorQuotaLimiter quotaLimiter, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			MeterRegistry meters, Clock clock, ObjectProvider<SharedTier> sharedTier) {
		this(cacheProperties, properties, quotaLimiter, circuitBreakers, bulkheads, meters, clock,
				sharedTier.getIfAvailable());
	}

	private UpstreamExecutor(CacheProperties cacheProperties, UpstreamProperties properties,
			VendorQuotaLimiter quotaLimiter, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
			MeterRegistry meters, Clock clock, @Nullable SharedTier sharedTier) {
		this.properties = properties;
		this.quotaLimiter = quotaLimiter;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
		this.meters = meters;
		this.clock = clock;
		this.cache = new VendorPageCache(cacheProperties, meters);
		this.shared = (sharedTier != null) ? new SharedPages(sharedTier, cacheProperties, clock, meters) : null;
	}

	/**
	 * Answers a vendor call from the cache or by calling the vendor; an answer of unknown
	 * size weighs {@value VendorPageCache#UNKNOWN_WEIGHT} bytes in the cache.
	 * @param <T> the answer type
	 * @param request what the call is
	 * @param call the HTTP call, failing with {@link VendorException}s
	 * @return the answer
	 */
	public <T> Mono<T> fetch(UpstreamRequest request, Supplier<Mono<T>> call) {
		return fetchSized(request, () -> call.get().map((value) -> new Sized<>(value, -1)));
	}

	/**
	 * Answers a vendor call from the cache or by calling the vendor, weighing the answer
	 * by the size of its body.
	 * @param <T> the answer type
	 * @param request what the call is
	 * @param call the HTTP call, answering with the size of the body it read and failing
	 * with {@link VendorException}s
	 * @return the answer
	 */
	public <T> Mono<T> fetchSized(UpstreamRequest request, Supplier<Mono<Sized<T>>> call) {
		return fetchSized(request, call, null);
	}

	/**
	 * Answers a vendor call from this replica's cache, the replicas' shared tier or by
	 * calling the vendor, weighing the answer by the size of its body.
	 * @param <T> the answer type
	 * @param request what the call is; its key's {@code toString()} identifies the answer
	 * in the shared tier
	 * @param call the HTTP call, answering with the body it read ({@link Sized#of}) and
	 * failing with {@link VendorException}s
	 * @param decoder reads an answer from a body another replica shared, as the call
	 * reads it; {@code null} when the answer is not to be shared
	 * @return the answer
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<T> fetchSized(UpstreamRequest request, Supplier<Mono<Sized<T>>> call,
			@Nullable Function<byte[], T> decoder) {
		if (!this.cache.caches(request)) {
			return Mono.deferContextual((context) -> guarded(request, call).doOnNext((value) -> {
				Instant now = this.clock.instant();
				report(context.getOrDefault(FetchReport.class, null), now, null, 0);
				answerUsed(context, now, Freshness.NONE, false);
			})).map(Sized::value);
		}
		return Mono.deferContextual((context) -> {
			FetchReport report = context.getOrDefault(FetchReport.class, null);
			CompletableFuture<VendorPageCache.Answer> answer = this.cache.get(request,
					() -> load(request, call, decoder).contextWrite(carried(context)).toFuture());
			// A copy per caller: one giving up cancels its copy, never the load others
			// share, and a load failing after that is not reported as a dropped error.
			return Mono.fromFuture(answer.copy()).doOnNext((fetched) -> {
				report(report, fetched.fetchedAt(), null, fetched.weight());
				answerUsed(context, fetched.fetchedAt(), fetched.freshness(), false);
			})
				.onErrorResume(VendorException.class,
						(failure) -> stale(request, decoder, failure, report).doOnNext(
								(previous) -> answerUsed(context, previous.fetchedAt(), previous.freshness(), true)))
				.map((fetched) -> (T) fetched.value());
		});
	}

	/**
	 * Forgets every cached answer, fresh and stale alike; the next call of each kind goes
	 * to the vendor.
	 */
	public void invalidateAll() {
		this.cache.invalidateAll();
		this.generation.incrementAndGet();
	}

	/**
	 * How many times every cached answer was forgotten: results built from answers of an
	 * earlier generation are no longer true to the cache.
	 * @return the generation of the cached answers
	 */
	public long generation() {
		return this.generation.get();
	}

	/**
	 * A page missing from this replica's cache: from the shared tier or the vendor when
	 * the answer is shared, else from the vendor.
	 */
	private <T> Mono<VendorPageCache.Answer> load(UpstreamRequest request, Supplier<Mono<Sized<T>>> call,
			@Nullable Function<byte[], T> decoder) {
		if (this.shared != null && decoder != null) {
			return this.shared.load(request, decoder, guarded(request, call));
		}
		return guarded(request, call).map((sized) -> new VendorPageCache.Answer(sized.value(), this.clock.instant(),
				request.freshness(), VendorPageCache.weight(sized.bytes())));
	}

	private Mono<VendorPageCache.Answer> stale(UpstreamRequest request, @Nullable Function<byte[], ?> decoder,
			VendorException failure, @Nullable FetchReport report) {
		VendorPageCache.Answer previous = this.cache.lastGood(request);
		if (previous != null) {
			return Mono.just(staleAnswer(request, previous, failure, report));
		}
		if (this.shared == null || decoder == null) {
			return Mono.error(failure);
		}
		return this.shared.lastGood(request, decoder)
			.map((shared) -> staleAnswer(request, shared, failure, report))
			.switchIfEmpty(Mono.error(failure));
	}

	private VendorPageCache.Answer staleAnswer(UpstreamRequest request, VendorPageCache.Answer previous,
			VendorException failure, @Nullable FetchReport report) {
		logger.warn("{} account {} {} failed ({}); serving its answer fetched at {}", request.vendor(),
				request.accountId(), request.api(), failure.classification(), previous.fetchedAt());
		report(report, previous.fetchedAt(), failure, previous.weight());
		return previous;
	}

	/**
	 * Records a vendor answer in the lifetime of the result of the request that used it.
	 * @param context the request's Reactor context
	 * @param fetchedAt when the answer was fetched
	 * @param freshness how long it stays true
	 * @param stale whether it was served past that because the vendor failed
	 */
	void answerUsed(ContextView context, Instant fetchedAt, Freshness freshness, boolean stale) {
		ResultLifetime lifetime = ResultLifetime.of(context);
		if (lifetime != null) {
			lifetime.answerUsed(fetchedAt, this.cache.caches(freshness) ? this.cache.ttl(freshness) : Duration.ZERO,
					stale);
		}
	}

	private static void report(@Nullable FetchReport report, Instant fetchedAt, @Nullable VendorException stale,
			long weight) {
		if (report != null) {
			report.record(fetchedAt, stale, weight);
		}
	}

	/**
	 * A completed drain of pages, if one is kept.
	 * @param drain the drain, as a call of its API
	 * @return its answer: the items, when its oldest page was fetched, or {@code null}
	 */
	@Nullable
	VendorPageCache.Answer keptDrain(UpstreamRequest drain) {
		return this.cache.caches(drain) ? this.cache.keptDrain(drain) : null;
	}

	/**
	 * Keeps a completed drain of pages for the time to live of its data.
	 * @param drain the drain, as a call of its API
	 * @param items its items
	 * @param oldestFetch when its oldest page was fetched
	 * @param weight what its pages weigh in the cache
	 */
	void keepDrain(UpstreamRequest drain, Object items, Instant oldestFetch, long weight) {
		if (this.cache.caches(drain)) {
			this.cache.keepDrain(drain, new VendorPageCache.Answer(items, oldestFetch, drain.freshness(),
					(int) Math.min(Integer.MAX_VALUE, Math.max(weight, VendorPageCache.UNKNOWN_WEIGHT))));
		}
	}

	private <T> Mono<T> guarded(UpstreamRequest request, Supplier<Mono<T>> call) {
		return Mono.deferContextual((context) -> {
			RequestBudget budget = RequestBudget.of(context, this.clock.instant());
			if (!budget.spend()) {
				return Mono.error(new UpstreamBudgetExceededException(budget.maxCalls()));
			}
			Caller caller = Caller.of(context);
			String name = request.accountId() + "." + request.api();
			Bulkhead bulkhead = this.bulkheads.bulkhead(request.accountId(),
					configName(request, this.bulkheads::getConfiguration));
			CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name,
					configName(request, this.circuitBreakers::getConfiguration));
			// One attempt: a quota permit (waiting at most until the deadline), then the
			// call inside the bulkhead and the breaker, cut at the deadline. Each retry
			// takes a new permit, so retries stay within the quota too.
			Mono<T> attempt = Mono
				.defer(() -> this.quotaLimiter.acquire(request, caller,
						budget.remaining(this.clock.instant()).minus(CALL_RESERVE)))
				.then(Mono.defer(() -> counted(context, () -> timed(request, call.get()))
					.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
					.transformDeferred(BulkheadOperator.of(bulkhead))
					// A full bulkhead is asked again shortly: waiting inside it would
					// hold the thread (and every connection of its event loop).
					.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, BULKHEAD_POLL)
						.filter(BulkheadFullException.class::isInstance))
					.timeout(budget.remaining(this.clock.instant()), Mono.error(DeadlineReachedException::new))));
			return attempt.retryWhen(retries(request, budget))
				.onErrorMap(
						(ex) -> !(ex instanceof VendorException) && !(ex instanceof UpstreamBudgetExceededException),
						(ex) -> translate(request, ex));
		});
	}

	/**
	 * Retries a failed attempt while the failure may pass and the request's deadline
	 * leaves time: after the vendor's {@code Retry-After} when it sent one, else after an
	 * exponential backoff with jitter.
	 */
	private Retry retries(UpstreamRequest request, RequestBudget budget) {
		UpstreamProperties.Retry policy = this.properties.retry();
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			long attempts = signal.totalRetries() + 1;
			if (!isRetried(failure) || attempts >= policy.maxAttempts()) {
				return Mono.error(failure);
			}
			Duration wait = backoff(policy, attempts, failure);
			if (wait.plus(CALL_RESERVE).compareTo(budget.remaining(this.clock.instant())) > 0) {
				return Mono.error(failure);
			}
			this.meters
				.counter(RETRIES, "vendor", request.vendor().name(), "account", request.accountId(), "api",
						request.api(), "reason", ((VendorException) failure).classification().name())
				.increment();
			return Mono.delay(wait);
		}));
	}

	/**
	 * Whether a failed attempt is tried again: as the vendor failure's own classification
	 * says (throttling and unavailability, never rejected or unauthorized calls).
	 * DeskGraph's own refusals (open circuit, full bulkhead, no quota permit, deadline
	 * reached) are not vendor failures and are never retried.
	 */
	private static boolean isRetried(Throwable failure) {
		return failure instanceof VendorException vendor && vendor.isRetryable();
	}

	private static Duration backoff(UpstreamProperties.Retry policy, long attempts, Throwable failure) {
		double exponential = policy.firstBackoff().toMillis() * Math.pow(2, attempts - 1);
		double capped = Math.min(exponential, policy.maxBackoff().toMillis());
		double jittered = capped * (1 + policy.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1));
		Duration wait = Duration.ofMillis((long) jittered);
		if (failure instanceof VendorQuotaException quota && quota.getRetryAfter() != null
				&& quota.getRetryAfter().compareTo(wait) > 0) {
			return quota.getRetryAfter();
		}
		return wait;
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
	 * Carries what the upstream chain reads of the request (its call counter, budget and
	 * client) into a cache load, which runs outside the caller's subscription.
	 */
	private static Function<Context, Context> carried(ContextView caller) {
		return (context) -> {
			Context carried = context;
			for (Object key : CARRIED_KEYS) {
				Optional<Object> value = caller.getOrEmpty(key);
				if (value.isPresent()) {
					carried = carried.put(key, value.get());
				}
			}
			return carried;
		};
	}

	private static <T> Mono<T> counted(ContextView context, Supplier<Mono<T>> attempt) {
		context.<AtomicInteger>getOrEmpty(CALL_COUNTER).ifPresent(AtomicInteger::incrementAndGet);
		return attempt.get();
	}

	private <T> Mono<T> timed(UpstreamRequest request, Mono<T> call) {
		Timer.Sample sample = Timer.start(this.meters);
		return call.doOnSuccess((value) -> stop(sample, request, "success"))
			.doOnError((ex) -> stop(sample, request,
					(ex instanceof VendorException vendor) ? vendor.classification().name() : "error"));
	}

	private void stop(Timer.Sample sample, UpstreamRequest request, String outcome) {
		sample.stop(Timer.builder(TIMER)
			.description("Vendor HTTP calls, one per attempt")
			.tags("vendor", request.vendor().name(), "account", request.accountId(), "api", request.api(), "outcome",
					outcome)
			.register(this.meters));
	}

	private Throwable translate(UpstreamRequest request, Throwable ex) {
		String where = request.vendor() + " account " + request.accountId() + " " + request.api();
		if (ex instanceof QuotaWaitException wait) {
			UpstreamProperties.Quota quota = this.quotaLimiter.quotaOf(request);
			long seconds = Math.max(1, wait.expectedWait().toSeconds() + 1);
			return new VendorQuotaException(request.vendor(), request.accountId(), 0, OWN_CODE_PREFIX + "RATE_LIMIT",
					null,
					where + ": the vendor allows " + quota.perMinute()
							+ " calls a minute and no call could go out before the request's deadline; retry in about "
							+ seconds + " s",
					Duration.ofSeconds(seconds), null);
		}
		if (ex instanceof DeadlineReachedException) {
			return new VendorUnavailableException(request.vendor(), request.accountId(), 0,
					OWN_CODE_PREFIX + "DEADLINE", null,
					where + " did not answer before the request's deadline (deskgraph.limits.request-deadline)", null);
		}
		if (ex instanceof BulkheadFullException) {
			return new VendorQuotaException(request.vendor(), request.accountId(), 0, OWN_CODE_PREFIX + "BULKHEAD",
					null, where + ": too many concurrent calls to this account; retry shortly", null);
		}
		if (ex instanceof CallNotPermittedException) {
			return new VendorUnavailableException(request.vendor(), request.accountId(), 0,
					OWN_CODE_PREFIX + "CIRCUIT_OPEN", null,
					where + ": the vendor failed repeatedly; calls are paused while its circuit is open", null);
		}
		return ex;
	}

}
