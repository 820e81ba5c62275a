package io.deskgraph.simulator;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a simulator was asked and what it refused, for {@code GET /_sim/stats}.
 *
 * @author DeskGraph
 */
public final class SimulatorStats {

	private final Collection<String> operations;

	private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

	private final LongAdder quotaExceeded = new LongAdder();

	private final LongAdder injected = new LongAdder();

	private long currentSecond = Long.MIN_VALUE;

	private long currentSecondCalls;

	private long peakPerSecond;

	/**
	 * Creates statistics that always list the given operations, even before their first
	 * call.
	 * @param operations the vendor operation names
	 */
	public SimulatorStats(Collection<String> operations) {
		this.operations = operations;
	}

	/**
	 * Records one call of an operation.
	 * @param operation the vendor operation name
	 */
	public void recordCall(String operation) {
		this.calls.computeIfAbsent(operation, (name) -> new LongAdder()).increment();
		long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
		synchronized (this) {
			if (second != this.currentSecond) {
				this.currentSecond = second;
				this.currentSecondCalls = 0;
			}
			this.currentSecondCalls++;
			this.peakPerSecond = Math.max(this.peakPerSecond, this.currentSecondCalls);
		}
	}

	/** Records one call refused because the caller's quota was used up. */
	public void recordQuotaExceeded() {
		this.quotaExceeded.increment();
	}

	/** Records one injected fault. */
	public void recordInjected() {
		this.injected.increment();
	}

	/**
	 * Returns the calls counted so far for one operation.
	 * @param operation the vendor operation name
	 * @return the number of calls
	 */
	public long calls(String operation) {
		LongAdder adder = this.calls.get(operation);
		return (adder != null) ? adder.sum() : 0;
	}

	/**
	 * Takes a snapshot of the counters.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.operations.forEach((operation) -> counts.put(operation, calls(operation)));
		this.calls.forEach((operation, adder) -> counts.putIfAbsent(operation, adder.sum()));
		long peak;
		synchronized (this) {
			peak = this.peakPerSecond;
		}
		return new Snapshot(Collections.unmodifiableMap(counts), this.quotaExceeded.sum(), this.injected.sum(), peak);
	}

	/** Sets every counter back to zero. */
	public void reset() {
		this.calls.clear();
		this.quotaExceeded.reset();
		this.injected.reset();
		synchronized (this) {
			this.currentSecond = Long.MIN_VALUE;
			this.currentSecondCalls = 0;
			this.peakPerSecond = 0;
		}
	}

	/**
	 * The counters at one moment, serialized as the {@code /_sim/stats} answer.
	 *
	 * @param calls calls per vendor operation
	 * @param quotaExceeded calls refused because a per-minute quota was used up
	 * @param injected faults injected
	 * @param peakPerSecond the most calls received within one second
	 */
	public record Snapshot(Map<String, Long> calls, long quotaExceeded, long injected, long peakPerSecond) {

	}

}
