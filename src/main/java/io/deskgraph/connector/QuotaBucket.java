package io.deskgraph.connector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

import org.springframework.lang.Nullable;

/**
 * The token bucket of one account's quota of one vendor API: it holds a burst of calls
 * and refills at the quota's rate, while a log of the calls of the last minute keeps any
 * rolling minute from holding more calls than the quota allows (the rule vendors
 * enforce), so a long drain runs at the full quota rate; calls that find no permit wait
 * in one queue per client, served in turn, so that a client already past its share of the
 * minute's quota goes last while others wait.
 *
 * @author DeskGraph
 */
final class QuotaBucket {

	private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final String name;

	private final double capacity;

	private final double tokensPerNano;

	private final int clientShareLimit;

	private final LongSupplier nanoTime;

	/** The most calls any rolling minute may hold. */
	private final int minuteLimit;

	/**
	 * When the calls of the last minute went out, oldest first, as a ring that grows with
	 * the calls up to the limit.
	 */
	private long[] minute;

	private int minuteStart;

	private int minuteCount;

	private final Scheduler scheduler;

	private double tokens;

	private long updated;

	/** Waiting calls per client, in arrival order. */
	private final Map<String, Deque<Waiter>> queues = new LinkedHashMap<>();

	/** Clients with waiting calls, in the order they are served. */
	private final Deque<String> turns = new ArrayDeque<>();

	/** When each client's calls of the last minute were let through. */
	private final Map<String, Deque<Long>> admitted = new HashMap<>();

	private int waiting;

	@Nullable
	private Disposable drain;

	/**
	 * Creates a bucket, full.
	 * @param name the account and API, for messages
	 * @param burst the calls it holds
	 * @param callsPerMinute the calls it refills in a minute, and the most any rolling
	 * minute may hold
	 * @param clientShareLimit the calls one client may be let through in a minute while
	 * other clients wait
	 * @param nanoTime the monotonic clock
	 * @param scheduler runs the timers of waiting calls
	 */
	QuotaBucket(String name, int burst, double callsPerMinute, int clientShareLimit, LongSupplier nanoTime,
			Scheduler scheduler) {
		this.name = name;
		this.capacity = burst;
		this.tokensPerNano = callsPerMinute / MINUTE_NANOS;
		this.minuteLimit = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, Math.floor(callsPerMinute)));
		this.minute = new long[Math.min(this.minuteLimit, 64)];
		this.clientShareLimit = Math.max(1, clientShareLimit);
		this.nanoTime = nanoTime;
		this.scheduler = scheduler;
		this.tokens = burst;
		this.updated = nanoTime.getAsLong();
	}

	/**
	 * Takes one call permit, at once or after waiting in the client's queue.
	 * @param client the client the call is made for
	 * @param maxWaitNanos how long the call may wait for its permit
	 * @return completes when the call may go out; fails with a {@link QuotaWaitException}
	 * when no permit can be had in time
	 */
	Mono<Void> acquire(String client, long maxWaitNanos) {
		return Mono.create((sink) -> {
			boolean admitted;
			QuotaWaitException refused = null;
			synchronized (this) {
				long now = this.nanoTime.getAsLong();
				refill(now);
				admitted = this.waiting == 0 && this.tokens >= 1 && minuteWaitNanos(1, now) == 0;
				if (admitted) {
					take(client, now);
				}
				else {
					long wait = expectedWaitNanos(now);
					if (wait > maxWaitNanos) {
						refused = new QuotaWaitException(this.name, wait);
					}
					else {
						Waiter waiter = new Waiter(client, sink);
						this.queues.computeIfAbsent(client, (key) -> {
							this.turns.addLast(key);
							return new ArrayDeque<>();
						}).addLast(waiter);
						this.waiting++;
						waiter.expiry = this.scheduler.schedule(() -> expire(waiter), maxWaitNanos,
								TimeUnit.NANOSECONDS);
						sink.onCancel(() -> cancel(waiter));
						scheduleDrain();
					}
				}
			}
			if (admitted) {
				sink.success();
			}
			else if (refused != null) {
				sink.error(refused);
			}
		});
	}

	/**
	 * Fills the bucket and forgets which client used what; waiting calls stay queued.
	 */
	synchronized void reset() {
		this.tokens = this.capacity;
		this.updated = this.nanoTime.getAsLong();
		this.admitted.clear();
		this.minuteStart = 0;
		this.minuteCount = 0;
		if (this.drain != null) {
			this.drain.dispose();
			this.drain = null;
		}
		scheduleDrain();
	}

	/**
	 * Permits available now, as a whole number.
	 * @return the permits
	 */
	synchronized double available() {
		long now = this.nanoTime.getAsLong();
		refill(now);
		pruneMinute(now);
		return Math.min(Math.floor(this.tokens), this.minuteLimit - this.minuteCount);
	}

	/**
	 * Calls waiting for a permit.
	 * @return the number of waiting calls
	 */
	synchronized int waiting() {
		return this.waiting;
	}

	private void refill(long now) {
		if (now > this.updated) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.tokensPerNano);
			this.updated = now;
		}
	}

	private void take(String client, long now) {
		this.tokens -= 1;
		pruneMinute(now);
		if (this.minuteCount == this.minute.length) {
			growMinute();
		}
		this.minute[(this.minuteStart + this.minuteCount) % this.minute.length] = now;
		this.minuteCount++;
		Deque<Long> times = this.admitted.computeIfAbsent(client, (key) -> new ArrayDeque<>());
		prune(times, now);
		times.addLast(now);
		if (this.admitted.size() > 4 * this.clientShareLimit + 16) {
			forgetQuietClients(now);
		}
	}

	/**
	 * How long a call arriving now waits: until the bucket has refilled a permit for it
	 * and each call queued before it, and until the minute's log has room for them all.
	 */
	private long expectedWaitNanos(long now) {
		return expectedWaitNanos(now, 1);
	}

	private long expectedWaitNanos(long now, int calls) {
		double missing = this.waiting + calls - this.tokens;
		long refill = (missing <= 0) ? 0 : (long) Math.ceil(missing / this.tokensPerNano);
		return Math.max(refill, minuteWaitNanos(this.waiting + calls, now));
	}

	/**
	 * How long until some more calls, arriving now, would all have gone out, behind the
	 * calls already waiting.
	 * @param calls the calls
	 * @return the time in nanoseconds
	 */
	synchronized long nanosUntil(int calls) {
		long now = this.nanoTime.getAsLong();
		refill(now);
		return expectedWaitNanos(now, Math.max(1, calls));
	}

	/**
	 * How long until the last minute's log has room for some more calls: until as many of
	 * its oldest calls are a minute old.
	 */
	private long minuteWaitNanos(int calls, long now) {
		pruneMinute(now);
		long over = (long) this.minuteCount + calls - this.minuteLimit;
		if (over <= 0) {
			return 0;
		}
		if (over > this.minuteCount) {
			// More calls than one minute holds wait whole minutes beyond the log.
			long minutes = (over - 1) / this.minuteLimit;
			int index = (int) ((over - 1) % this.minuteLimit);
			long oldest = (index < this.minuteCount) ? this.minute[(this.minuteStart + index) % this.minute.length]
					: now;
			return Math.max(0, oldest + (minutes + 1) * MINUTE_NANOS - now);
		}
		long leaving = this.minute[(int) ((this.minuteStart + over - 1) % this.minute.length)];
		return Math.max(0, leaving + MINUTE_NANOS - now);
	}

	private void growMinute() {
		long[] grown = new long[(int) Math.min(this.minuteLimit, 2L * this.minute.length)];
		for (int i = 0; i < this.minuteCount; i++) {
			grown[i] = this.minute[(this.minuteStart + i) % this.minute.length];
		}
		this.minute = grown;
		this.minuteStart = 0;
	}

	private void pruneMinute(long now) {
		while (this.minuteCount > 0 && now - this.minute[this.minuteStart] >= MINUTE_NANOS) {
			this.minuteStart = (this.minuteStart + 1) % this.minute.length;
			this.minuteCount--;
		}
	}

	private void scheduleDrain() {
		if (this.drain != null || this.waiting == 0) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		long refill = (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
		long delay = Math.max(refill, minuteWaitNanos(1, now));
		this.drain = this.scheduler.schedule(this::drain, delay, TimeUnit.NANOSECONDS);
	}

	private void drain() {
		List<Waiter> ready = new ArrayList<>();
		synchronized (this) {
			this.drain = null;
			long now = this.nanoTime.getAsLong();
			refill(now);
			while (this.tokens >= 1 && this.waiting > 0 && minuteWaitNanos(1, now) == 0) {
				Waiter waiter = next(now);
				take(waiter.client, now);
				ready.add(waiter);
			}
			scheduleDrain();
		}
		for (Waiter waiter : ready) {
			if (waiter.expiry != null) {
				waiter.expiry.dispose();
			}
			waiter.sink.success();
		}
	}

	/**
	 * The next call to let through: clients take turns, and while several wait, a client
	 * that had its share of the last minute is passed over for one that has not.
	 */
	private Waiter next(long now) {
		int clients = this.turns.size();
		for (int i = 0; i < clients; i++) {
			String client = this.turns.peekFirst();
			if (clients == 1 || recentCalls(client, now) < this.clientShareLimit) {
				return pollTurn();
			}
			this.turns.addLast(this.turns.pollFirst());
		}
		return pollTurn();
	}

	private Waiter pollTurn() {
		String client = this.turns.pollFirst();
		Deque<Waiter> queue = this.queues.get(client);
		Waiter waiter = queue.pollFirst();
		if (queue.isEmpty()) {
			this.queues.remove(client);
		}
		else {
			this.turns.addLast(client);
		}
		this.waiting--;
		return waiter;
	}

	private int recentCalls(String client, long now) {
		Deque<Long> times = this.admitted.get(client);
		if (times == null) {
			return 0;
		}
		prune(times, now);
		return times.size();
	}

	private static void prune(Deque<Long> times, long now) {
		while (!times.isEmpty() && now - times.peekFirst() >= MINUTE_NANOS) {
			times.pollFirst();
		}
	}

	private void forgetQuietClients(long now) {
		Iterator<Deque<Long>> iterator = this.admitted.values().iterator();
		while (iterator.hasNext()) {
			Deque<Long> times = iterator.next();
			prune(times, now);
			if (times.isEmpty()) {
				iterator.remove();
			}
		}
	}

	private void expire(Waiter waiter) {
		long wait;
		synchronized (this) {
			if (!remove(waiter)) {
				return;
			}
			wait = expectedWaitNanos(this.nanoTime.getAsLong());
		}
		waiter.sink.error(new QuotaWaitException(this.name, wait));
	}

	private void cancel(Waiter waiter) {
		synchronized (this) {
			remove(waiter);
		}
		if (waiter.expiry != null) {
			waiter.expiry.dispose();
		}
	}

	private boolean remove(Waiter waiter) {
		Deque<Waiter> queue = this.queues.get(waiter.client);
		if (queue == null || !queue.remove(waiter)) {
			return false;
		}
		this.waiting--;
		if (queue.isEmpty()) {
			this.queues.remove(waiter.client);
			this.turns.remove(waiter.client);
		}
		return true;
	}

	/**
	 * A call waiting for its permit.
	 */
	private static final class Waiter {

		final String client;

		final MonoSink<Void> sink;

		@Nullable
		Disposable expiry;

		Waiter(String client, MonoSink<Void> sink) {
			this.client = client;
			this.sink = sink;
		}

	}

}
