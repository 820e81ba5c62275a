package io.deskgraph.connector;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.deskgraph.connector.shared.SharedTier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;

/**
 * The vendor pages every replica shares on Redis, behind each replica's own page cache: a
 * page another replica fetched is read instead of fetched again, and a replica about to
 * call a vendor for a page takes the page's lease first, so that replicas asking for the
 * same cold page at once make one vendor call and the others wait (a bounded time) for
 * its answer. Values are the vendor's own bytes, compressed, under hashed keys; nothing
 * identifies a credential.
 *
 * @author DeskGraph
 */
final class SharedPages {

	private static final Logger logger = LoggerFactory.getLogger(SharedPages.class);

	/** Bodies this large or larger are compressed. */
	private static final int COMPRESS_FROM = 512;

	private static final byte RAW = 0;

	private static final byte DEFLATED = 1;

	/** Format byte, fetch instant in epoch milliseconds, freshness ordinal. */
	private static final int HEADER = 1 + Long.BYTES + 1;

	/** The most a stored body may inflate to: no vendor page is near it. */
	private static final int MAX_BODY = 64 * 1024 * 1024;

	private final SharedTier tier;

	private final CacheProperties cache;

	private final Clock clock;

	private final String replica = UUID.randomUUID().toString();

	private final Counter misses;

	private final Counter hits;

	private final Counter waits;

	SharedPages(SharedTier tier, CacheProperties cache, Clock clock, MeterRegistry meters) {
		this.tier = tier;
		this.cache = cache;
		this.clock = clock;
		this.misses = Counter.builder("deskgraph.shared.pages.requests")
			.description("Vendor pages looked up in the shared tier because this replica had none")
			.tag("result", "miss")
			.register(meters);
		this.hits = Counter.builder("deskgraph.shared.pages.requests")
			.description("Vendor pages looked up in the shared tier because this replica had none")
			.tag("result", "hit")
			.register(meters);
		this.waits = Counter.builder("deskgraph.shared.pages.waits")
			.description("Vendor pages this replica waited for while another replica fetched them")
			.register(meters);
	}

	/**
	 * A page from the shared tier when another replica fetched it and it is still true,
	 * else from the vendor call, shared afterwards; when Redis is unreachable, from the
	 * vendor call alone.
	 * @param <T> the answer type
	 * @param request the call
	 * @param decoder reads the vendor's bytes, as the call does
	 * @param call the vendor call, answering with the body it read
	 * @return the answer
	 */
	<T> Mono<VendorPageCache.Answer> load(UpstreamRequest request, Function<byte[], T> decoder, Mono<Sized<T>> call) {
		if (!this.tier.isUp()) {
			return call.map((sized) -> answer(request, sized));
		}
		String key = pageKey(request);
		return fresh(key, request, decoder).switchIfEmpty(Mono.defer(() -> leased(key, request, decoder, call)));
	}

	/**
	 * The last answer any replica stored for a call, however old, to stand in when the
	 * vendor fails.
	 * @param request the call
	 * @param decoder reads the vendor's bytes
	 * @return the answer, or empty
	 */
	Mono<VendorPageCache.Answer> lastGood(UpstreamRequest request, Function<byte[], ?> decoder) {
		if (!this.tier.isUp()) {
			return Mono.empty();
		}
		return read(pageKey(request), request, decoder);
	}

	private <T> Mono<VendorPageCache.Answer> leased(String key, UpstreamRequest request, Function<byte[], T> decoder,
			Mono<Sized<T>> call) {
		String lease = key + ":lease";
		return this.tier.lease(lease, this.replica)
			.flatMap((mine) -> mine ? afterLease(key, lease, request, decoder, call)
					: waitForOther(key, lease, request, decoder, call))
			// Redis became unreachable: call alone.
			.switchIfEmpty(Mono.defer(() -> call.map((sized) -> answer(request, sized))));
	}

	/**
	 * With the lease taken: the page once more first, since the replica that held the
	 * lease before may have stored it between this replica's look and its lease.
	 */
	private <T> Mono<VendorPageCache.Answer> afterLease(String key, String lease, UpstreamRequest request,
			Function<byte[], T> decoder, Mono<Sized<T>> call) {
		return read(key, request, decoder).filter(SharedPages::isFresh)
			.flatMap((stored) -> this.tier.release(lease, this.replica).thenReturn(stored))
			.switchIfEmpty(Mono.defer(() -> callAndShare(key, lease, request, call)));
	}

	private <T> Mono<VendorPageCache.Answer> callAndShare(String key, @Nullable String lease, UpstreamRequest request,
			Mono<Sized<T>> call) {
		Mono<VendorPageCache.Answer> shared = call.flatMap((sized) -> {
			VendorPageCache.Answer answer = answer(request, sized);
			byte[] body = sized.body();
			if (body == null) {
				return Mono.just(answer);
			}
			return this.tier.set(key, encode(answer, body), keptFor(answer)).thenReturn(answer);
		});
		if (lease == null) {
			return shared;
		}
		return shared.doFinally((signal) -> this.tier.release(lease, this.replica).subscribe());
	}

	/**
	 * Another replica holds the page's lease: its answer is looked for every poll until
	 * the wait is over; a lease given back without an answer (its call failed) is taken
	 * over, and at the end of the wait this replica calls on its own.
	 */
	private <T> Mono<VendorPageCache.Answer> waitForOther(String key, String lease, UpstreamRequest request,
			Function<byte[], T> decoder, Mono<Sized<T>> call) {
		this.waits.increment();
		Instant until = this.clock.instant().plus(this.tier.properties().leaseWait());
		return poll(key, lease, request, decoder, call, until);
	}

	private <T> Mono<VendorPageCache.Answer> poll(String key, String lease, UpstreamRequest request,
			Function<byte[], T> decoder, Mono<Sized<T>> call, Instant until) {
		return Mono.delay(this.tier.properties().leasePoll())
			.then(Mono.defer(() -> read(key, request, decoder).filter(SharedPages::isFresh)))
			.switchIfEmpty(Mono.defer(() -> this.tier.lease(lease, this.replica).flatMap((mine) -> {
				if (mine) {
					return afterLease(key, lease, request, decoder, call);
				}
				if (this.clock.instant().isBefore(until)) {
					return poll(key, lease, request, decoder, call, until);
				}
				logger.debug("Waited {} for another replica's {} {} page; calling the vendor",
						this.tier.properties().leaseWait(), request.accountId(), request.api());
				return callAndShare(key, null, request, call);
			})
				// Redis became unreachable: call alone.
				.switchIfEmpty(Mono.defer(() -> call.map((sized) -> answer(request, sized))))));
	}

	private static boolean isFresh(VendorPageCache.Answer answer) {
		return answer.remaining() != null && answer.remaining().compareTo(Duration.ZERO) > 0;
	}

	private Mono<VendorPageCache.Answer> fresh(String key, UpstreamRequest request, Function<byte[], ?> decoder) {
		return read(key, request, decoder).filter(SharedPages::isFresh)
			.doOnNext((answer) -> this.hits.increment())
			.switchIfEmpty(Mono.fromRunnable(this.misses::increment));
	}

	private Mono<VendorPageCache.Answer> read(String key, UpstreamRequest request, Function<byte[], ?> decoder) {
		return this.tier.get(key).flatMap((stored) -> Mono.justOrEmpty(decode(stored, request, decoder)));
	}

	@Nullable
	private VendorPageCache.Answer decode(byte[] stored, UpstreamRequest request, Function<byte[], ?> decoder) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(stored);
			byte format = buffer.get();
			Instant fetchedAt = Instant.ofEpochMilli(buffer.getLong());
			Freshness freshness = Freshness.values()[buffer.get()];
			byte[] body = new byte[buffer.remaining()];
			buffer.get(body);
			if (format == DEFLATED) {
				body = inflate(body);
			}
			Object value = decoder.apply(body);
			Duration age = Duration.between(fetchedAt, this.clock.instant());
			Duration remaining = this.cache.ttl(freshness).minus(age.isNegative() ? Duration.ZERO : age);
			return new VendorPageCache.Answer(value, fetchedAt, freshness, VendorPageCache.weight(body.length),
					remaining);
		}
		catch (RuntimeException | DataFormatException ex) {
			// Written by another version, or damaged: as if there were none.
			logger.debug("Ignoring the shared {} {} page: {}", request.accountId(), request.api(), ex.toString());
			return null;
		}
	}

	private VendorPageCache.Answer answer(UpstreamRequest request, Sized<?> sized) {
		// Milliseconds, as stored: every replica reports the same fetchedAt for the page.
		return new VendorPageCache.Answer(sized.value(), this.clock.instant().truncatedTo(ChronoUnit.MILLIS),
				request.freshness(), VendorPageCache.weight(sized.bytes()));
	}

	/**
	 * As long as the page is true, and then as long as it may stand in for a failed
	 * vendor.
	 */
	private Duration keptFor(VendorPageCache.Answer answer) {
		return this.cache.ttl(answer.freshness()).plus(this.cache.staleFor());
	}

	private String pageKey(UpstreamRequest request) {
		// The request's parameters are hashed: they name no credential, but need not be
		// readable to whoever reads Redis either.
		return this.tier.key("page", request.vendor().name().toLowerCase(Locale.ROOT), request.accountId(),
				request.api(), SharedTier.hash(request.key().toString()));
	}

	private static byte[] encode(VendorPageCache.Answer answer, byte[] body) {
		byte format = RAW;
		byte[] stored = body;
		if (body.length >= COMPRESS_FROM) {
			byte[] deflated = deflate(body);
			if (deflated.length < body.length) {
				format = DEFLATED;
				stored = deflated;
			}
		}
		return ByteBuffer.allocate(HEADER + stored.length)
			.put(format)
			.putLong(answer.fetchedAt().toEpochMilli())
			.put((byte) answer.freshness().ordinal())
			.put(stored)
			.array();
	}

	private static byte[] deflate(byte[] body) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(body);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
			byte[] chunk = new byte[8192];
			while (!deflater.finished()) {
				out.write(chunk, 0, deflater.deflate(chunk));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] inflate(byte[] stored) throws DataFormatException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(stored);
			ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
			byte[] chunk = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(chunk);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new DataFormatException("truncated");
				}
				out.write(chunk, 0, n);
				if (out.size() > MAX_BODY) {
					throw new DataFormatException("larger than " + MAX_BODY + " bytes");
				}
			}
			return out.toByteArray();
		}
		finally {
			inflater.end();
		}
	}

}
