package io.deskgraph.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.lang.Nullable;

/**
 * The vendor pages of every account in one memory budget: answers kept for the time to
 * live of their kind of data, identical concurrent calls sharing one load, and the last
 * good answer of each call kept a while longer to stand in when the vendor fails. Hits,
 * misses, puts and evictions are counted per account and API as Caffeine's own cache
 * metrics are named ({@code cache.gets} and so on, {@code cache=deskgraph.upstream}).
 *
 * @author DeskGraph
 */
final class VendorPageCache {

	/** The name of the cache in metrics. */
	static final String NAME = "deskgraph.upstream";

	/**
	 * How much more heap an answer takes than its JSON: field names are gone, but every
	 * string and record has its own header.
	 */
	static final int HEAP_PER_JSON_BYTE = 2;

	/** The weight of an answer whose body size is unknown. */
	static final int UNKNOWN_WEIGHT = 1024;

	private final CacheProperties properties;

	private final MeterRegistry meters;

	private final AsyncCache<PageKey, Answer> fresh;

	private final Cache<PageKey, Answer> lastGood;

	VendorPageCache(CacheProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		long maximumWeight = properties.maximumWeight().toBytes();
		this.fresh = Caffeine.newBuilder()
			.maximumWeight(maximumWeight)
			.weigher((PageKey key, Answer answer) -> answer.weight())
			.expireAfter(new AnswerExpiry(properties, Duration.ZERO))
			.evictionListener((PageKey key, Answer answer, RemovalCause cause) -> {
				if (key != null && cause.wasEvicted()) {
					counter(key.request(), "cache.evictions", null).increment();
				}
			})
			.buildAsync();
		this.lastGood = Caffeine.newBuilder()
			.maximumWeight(maximumWeight)
			.weigher((PageKey key, Answer answer) -> answer.weight())
			.expireAfter(new AnswerExpiry(properties, properties.staleFor()))
			.build();
		Gauge
			.builder("deskgraph.upstream.cache.weight", this.fresh,
					(cache) -> cache.synchronous()
						.policy()
						.eviction()
						.flatMap((eviction) -> eviction.weightedSize().stream().boxed().findFirst())
						.orElse(0L))
			.description("Estimated heap of the cached vendor pages, in bytes")
			.baseUnit("bytes")
			.register(meters);
	}

	/**
	 * The answer of a call from the cache, or from a load shared by every identical call
	 * made while it runs.
	 * @param request the call
	 * @param load loads the answer on a miss
	 * @return the answer
	 */
	CompletableFuture<Answer> get(UpstreamRequest request, Supplier<CompletableFuture<Answer>> load) {
		PageKey key = new PageKey(request, request.key());
		// The load is created by this call exactly when no answer, done or in flight,
		// was there: that is a miss; anything else is a hit.
		boolean[] missed = { false };
		CompletableFuture<Answer> answer = this.fresh.get(key, (k, executor) -> {
			missed[0] = true;
			return load.get().whenComplete((loaded, failure) -> {
				if (loaded != null) {
					this.lastGood.put(k, loaded);
				}
			});
		});
		counter(request, "cache.gets", missed[0] ? "miss" : "hit").increment();
		if (missed[0]) {
			counter(request, "cache.puts", null).increment();
		}
		return answer;
	}

	/**
	 * A completed drain of pages kept for the time to live of its data from when it
	 * completed, weighed as its pages are: the pages may be evicted before it, and its
	 * items are theirs.
	 * @param drain the drain, as a call of its API
	 * @return the drain's answer, or {@code null} when none is kept
	 */
	@Nullable
	Answer keptDrain(UpstreamRequest drain) {
		CompletableFuture<Answer> kept = this.fresh.getIfPresent(new PageKey(drain, new DrainKey(drain.key())));
		boolean done = kept != null && kept.isDone() && !kept.isCompletedExceptionally();
		counter(drain, "cache.gets", done ? "hit" : "miss").increment();
		return done ? kept.join() : null;
	}

	/**
	 * Keeps a completed drain.
	 * @param drain the drain, as a call of its API
	 * @param answer its items, when its oldest page was fetched and what its pages weigh
	 */
	void keepDrain(UpstreamRequest drain, Answer answer) {
		this.fresh.put(new PageKey(drain, new DrainKey(drain.key())), CompletableFuture.completedFuture(answer));
		counter(drain, "cache.puts", null).increment();
	}

	/**
	 * The last good answer of a call, kept for {@code deskgraph.cache.stale-for} past its
	 * time to live.
	 * @param request the call
	 * @return the answer, or {@code null}
	 */
	@Nullable
	Answer lastGood(UpstreamRequest request) {
		return this.lastGood.getIfPresent(new PageKey(request, request.key()));
	}

	/**
	 * Whether answers of a call's kind are cached at all.
	 * @param request the call
	 * @return false for calls that change something and kinds with no time to live
	 */
	boolean caches(UpstreamRequest request) {
		return caches(request.freshness());
	}

	/**
	 * Whether answers of a kind of data are cached at all.
	 * @param freshness the kind of data
	 * @return false for calls that change something and kinds with no time to live
	 */
	boolean caches(Freshness freshness) {
		return freshness != Freshness.NONE && !this.properties.ttl(freshness).isZero();
	}

	/**
	 * How long answers of a kind of data stay true.
	 * @param freshness the kind of data
	 * @return the time to live
	 */
	Duration ttl(Freshness freshness) {
		return this.properties.ttl(freshness);
	}

	/** Forgets every answer, fresh and last good alike. */
	void invalidateAll() {
		this.fresh.synchronous().invalidateAll();
		this.lastGood.invalidateAll();
	}

	private io.micrometer.core.instrument.Counter counter(UpstreamRequest request, String name,
			@Nullable String result) {
		io.micrometer.core.instrument.Counter.Builder builder = io.micrometer.core.instrument.Counter.builder(name)
			.tags("cache", NAME, "vendor", request.vendor().name(), "account", request.accountId(), "api",
					request.api());
		if (result != null) {
			builder.tag("result", result);
		}
		return builder.register(this.meters);
	}

	/**
	 * The weight of an answer: its heap, estimated from the size of its JSON.
	 * @param bytes the size of the body, or a negative number when unknown
	 * @return the weight
	 */
	static int weight(int bytes) {
		return (bytes < 0) ? UNKNOWN_WEIGHT : (int) Math.min(Integer.MAX_VALUE, (long) bytes * HEAP_PER_JSON_BYTE);
	}

	/**
	 * A vendor answer, when it was fetched, how long it stays true and what it weighs.
	 *
	 * @param value the answer
	 * @param fetchedAt when it was fetched
	 * @param freshness how long it stays true
	 * @param weight its estimated heap in bytes
	 * @param remaining how much longer it stays true, when it was fetched earlier by
	 * another replica; {@code null} for the whole time to live
	 */
	record Answer(Object value, Instant fetchedAt, Freshness freshness, int weight, @Nullable Duration remaining) {

		/**
		 * An answer true for the whole time to live of its kind of data.
		 * @param value the answer
		 * @param fetchedAt when it was fetched
		 * @param freshness how long it stays true
		 * @param weight its estimated heap in bytes
		 */
		Answer(Object value, Instant fetchedAt, Freshness freshness, int weight) {
			this(value, fetchedAt, freshness, weight, null);
		}

	}

	/**
	 * A call's answer among every cached answer: the account and API of the call, and
	 * what identifies the answer among theirs.
	 */
	private record PageKey(String cache, Object key, UpstreamRequest request) {

		PageKey(UpstreamRequest request, Object key) {
			this(request.vendor().name().toLowerCase(Locale.ROOT) + ":" + request.accountId() + ":" + request.api(),
					key, request);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof PageKey page && this.cache.equals(page.cache) && this.key.equals(page.key);
		}

		@Override
		public int hashCode() {
			return 31 * this.cache.hashCode() + this.key.hashCode();
		}

	}

	/**
	 * What identifies a completed drain among the pages of its API.
	 */
	private record DrainKey(Object key) {

	}

	/**
	 * Expires an answer after the time to live of its kind of data, plus a grace period.
	 */
	private record AnswerExpiry(CacheProperties properties, Duration grace) implements Expiry<PageKey, Answer> {

		@Override
		public long expireAfterCreate(PageKey key, Answer answer, long currentTime) {
			Duration ttl = (answer.remaining() != null) ? answer.remaining() : properties().ttl(answer.freshness());
			return Math.max(0, ttl.plus(grace()).toNanos());
		}

		@Override
		public long expireAfterUpdate(PageKey key, Answer answer, long currentTime, long currentDuration) {
			return expireAfterCreate(key, answer, currentTime);
		}

		@Override
		public long expireAfterRead(PageKey key, Answer answer, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
