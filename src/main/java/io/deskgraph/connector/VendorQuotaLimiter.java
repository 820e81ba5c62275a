package io.deskgraph.connector;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps every account within each vendor API's quota: one {@link QuotaBucket} per account
 * and API, sized from {@link UpstreamProperties}, where a call that finds no permit waits
 * its turn among the clients until its request's deadline instead of being refused.
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

	@Autowired
	public VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters) {
		this(properties, meters, System::nanoTime, Schedulers.parallel());
	}

	VendorQuotaLimiter(UpstreamProperties properties, MeterRegistry meters, LongSupplier nanoTime,
			Scheduler scheduler) {
		this.properties = properties;
		this.meters = meters;
		this.nanoTime = nanoTime;
		this.scheduler = scheduler;
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
		return bucket(request).acquire(caller.key(), maxWait.toNanos());
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
