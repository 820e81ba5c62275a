package io.deskgraph.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces vendor quotas of the kind "N calls per caller per API per rolling window" the
 * way a vendor gateway does, remembering the time of every call admitted in the window.
 *
 * @author DeskGraph
 */
public final class QuotaLimiter {

	private final Clock clock;

	private final Duration window;

	private final Map<String, Deque<Long>> admitted = new ConcurrentHashMap<>();

	/**
	 * Creates a limiter.
	 * @param clock the clock that times the calls
	 * @param window the rolling window, one minute for both vendors
	 */
	public QuotaLimiter(Clock clock, Duration window) {
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Admits a call if the caller has quota left for the API.
	 * @param key the caller and the API, e.g. {@code AK:ListUsedDesktopInfo}
	 * @param limit the calls allowed per window
	 * @return {@code true} if admitted, {@code false} if the quota is used up
	 */
	public boolean tryAcquire(String key, int limit) {
		long now = this.clock.millis();
		long oldestKept = now - this.window.toMillis();
		Deque<Long> calls = this.admitted.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (calls) {
			while (!calls.isEmpty() && calls.peekFirst() <= oldestKept) {
				calls.pollFirst();
			}
			if (calls.size() >= limit) {
				return false;
			}
			calls.addLast(now);
			return true;
		}
	}

	/** Forgets every admitted call. */
	public void reset() {
		this.admitted.clear();
	}

}
