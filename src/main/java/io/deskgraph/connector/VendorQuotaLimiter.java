package io.deskgraph.connector;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.deskgraph.connector.shared.SharedTier;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps every account within each vendor API's quota: one {@link QuotaBucket} per account
 * and API, sized from {@link UpstreamProperties}, where a call that finds no permit waits
 * its turn among the clients until its request's deadline instead of being refused; with
 * the replicas' shared tier, a bucket on Redis keeps the sum of every replica's calls
 * within the quota too, and while Redis is unreachable each replica keeps to its share.
 *
 * @author DeskGraph
 */
@Component
public class VendorQuotaLimiter {

	private final UpstreamProperties properties;

	private final MeterRegistry meters;

	private final LongSupplier nanoTime;

	private final Scheduler scheduler;

	private final Map<String, QuotaBucket> buckets = new ConcurrentHashMap<>();

	/** Each API's limit on Redis, built once. */
	private final Map<String, BucketConfiguration> sharedLimits = new ConcurrentHashMap<>();

	/** Each API's share of its quota while Redis is unreachable. */
	private final Map<String, QuotaBucket> alone = new ConcurrentHashMap<>();

	@Nullable
	private final SharedTier shared;

	public VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters) {
		this(properties, meters, System::nanoTime, Schedulers.parallel(), (SharedTier) null);
	}

	@Autowired
	public VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters,
			ObjectProvider<SharedTier> sharedTier) {
		this(properties, meters, System::nanoTime, Schedulers.parallel(), sharedTier.getIfAvailable());
	}

	VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters, LongSupplier nanoTime,
			Scheduler scheduler) {
		this(properties, meters, nanoTime, scheduler, (SharedTier) null);
	}

	private VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters, LongSupplier nanoTime,
			Scheduler scheduler, @Nullable SharedTier shared) {
		this.properties = properties;
		this.meters = meters;
		this.nanoTime = nanoTime;
		this.scheduler = scheduler;
		this.shared = shared;
	}

	/**
	 * Takes one permit for a vendor call.
	 * @param request the call
	 * @param caller the client it is made for
	 * @param maxWait how long it may wait for a permit
	 * @return completes when the call may go out; fails with a {@link QuotaWaitException}
	 * when no permit can be had within {@code maxWait}
	 */
	Mono<Void> acquire(UpstreamRequest request, Caller caller, Duration maxWait) {
		Mono<Void> local = bucket(request).acquire(caller.key(), maxWait.toNanos());
		if (this.shared == null) {
			return local;
		}
		// The replica's own bucket keeps its clients fair; the shared one keeps the sum
		// of
		// every replica's calls within the quota.
		long deadline = this.nanoTime.getAsLong() + maxWait.toNanos();
		return local.then(Mono.defer(() -> shared(request, caller, deadline)));
	}

	private Mono<Void> shared(UpstreamRequest request, Caller caller, long deadline) {
		SharedTier tier = this.shared;
		long maxWait = Math.max(0, deadline - this.nanoTime.getAsLong());
		return tier
			.reserve(tier.key("quota", request.accountId(), request.api()), sharedLimit(request),
					Duration.ofNanos(maxWait))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((reserved) -> {
				if (reserved.isEmpty()) {
					return alone(request).acquire(caller.key(), Math.max(0, deadline - this.nanoTime.getAsLong()));
				}
				if (reserved.get()) {
					return Mono.empty();
				}
				// Refused at once: the permits reserved before this one take longer than
				// the
				// request may wait, which is the least it would have to.
				return Mono.error(new QuotaWaitException(request.accountId() + "." + request.api(),
						Math.max(maxWait, Duration.ofSeconds(1).toNanos())));
			});
	}

	/**
	 * The limit every replica's calls of an API share: a bucket of at most the headroom's
	 * calls, refilled at the usable rate, so that no minute, however it is cut, holds
	 * more calls than the quota.
	 */
	BucketConfiguration sharedLimit(UpstreamRequest request) {
		return this.sharedLimits.computeIfAbsent(request.vendor() + "." + request.api(),
				(api) -> sharedLimitOf(quotaOf(request)));
	}

	private BucketConfiguration sharedLimitOf(UpstreamProperties.Quota quota) {
		long usable = (long) Math.floor(quota.perMinute() * this.properties.quotaHeadroom());
		long capacity = Math.max(1, Math.min(quota.burst(), quota.perMinute() - usable));
		long perMinute = Math.max(1, Math.min(usable, quota.perMinute() - capacity));
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(capacity).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build();
	}

	/** The replica's share of an API's quota while Redis is unreachable. */
	private QuotaBucket alone(UpstreamRequest request) {
		return this.alone.computeIfAbsent(request.accountId() + "." + request.api(), (name) -> {
			UpstreamProperties.Quota quota = quotaOf(request);
			int replicas = this.shared.properties().replicas();
			double usable = quota.perMinute() * this.properties.quotaHeadroom() / replicas;
			return new QuotaBucket(name + ".alone", Math.max(1, quota.burst() / replicas), usable,
					Math.max(1, (int) Math.floor(usable * this.properties.clientShare())), this.nanoTime,
					this.scheduler);
		});
	}

	/**
	 * How long until some more calls of an API, made now, would all have gone out within
	 * its quota, behind the calls already waiting.
	 * @param request a call of the API
	 * @param calls how many calls
	 * @return the time
	 */
	Duration timeFor(UpstreamRequest request, int calls) {
		return Duration.ofNanos(bucket(request).nanosUntil(calls));
	}

	/**
	 * The quota an API of a vendor is held to.
	 * @param request a call of the API
	 * @return the quota
	 */
	UpstreamProperties.Quota quotaOf(UpstreamRequest request) {
		return this.properties.quotaOf(request.vendor().name().toLowerCase(Locale.ROOT), request.api());
	}

	/**
	 * Fills every bucket and forgets which client used what, as after a quiet minute.
	 */
	public void reset() {
		this.buckets.values().forEach(QuotaBucket::reset);
		this.alone.values().forEach(QuotaBucket::reset);
	}

	private QuotaBucket bucket(UpstreamRequest request) {
		return this.buckets.computeIfAbsent(request.accountId() + "." + request.api(), (name) -> {
			UpstreamProperties.Quota quota = quotaOf(request);
			double usable = quota.perMinute() * this.properties.quotaHeadroom();
			QuotaBucket bucket = new QuotaBucket(name, quota.burst(), usable,
					(int) Math.floor(usable * this.properties.clientShare()), this.nanoTime, this.scheduler);
			Tags tags = Tags.of("vendor", request.vendor().name(), "account", request.accountId(), "api",
					request.api());
			Gauge.builder("deskgraph.upstream.quota.available", bucket, QuotaBucket::available)
				.description("Vendor calls DeskGraph may make at once for this account and API")
				.tags(tags)
				.register(this.meters);
			Gauge.builder("deskgraph.upstream.quota.waiting", bucket, QuotaBucket::waiting)
				.description("Vendor calls waiting for a quota permit")
				.tags(tags)
				.register(this.meters);
			return bucket;
		});
	}

}
