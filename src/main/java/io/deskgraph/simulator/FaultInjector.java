package io.deskgraph.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the faults currently in force and draws, per vendor call, which one (if any)
 * strikes.
 * <p>
 * One random draw per call is compared against consecutive bands of the timeout, error,
 * throttle and malformed rates, in that order, so the rates are exact shares of all calls
 * as long as they add up to at most 1 (beyond that, the later bands shrink). An outage at
 * a known point ({@code outageAfterCalls}, {@code outageCalls}) is counted down call by
 * call from when it is set, and comes before the drawn faults.
 *
 * @author DeskGraph
 */
public final class FaultInjector {

	private volatile SimulatorFaults faults = SimulatorFaults.NONE;

	/** Calls still answered before the outage; below zero when no outage is set. */
	private final AtomicLong callsBeforeOutage = new AtomicLong(-1);

	/** Calls the outage still fails. */
	private final AtomicLong outageCallsLeft = new AtomicLong();

	/**
	 * Returns the faults in force.
	 * @return the current faults
	 */
	public SimulatorFaults current() {
		return this.faults;
	}

	/**
	 * Replaces the faults in force.
	 * @param faults the new faults
	 */
	public synchronized void set(SimulatorFaults faults) {
		this.faults = faults;
		armOutage(faults);
	}

	/**
	 * Merges settings into the faults in force.
	 * @param changes the settings to change, keyed by {@link SimulatorFaults} component
	 * name
	 * @return the faults now in force
	 * @throws IllegalArgumentException if a setting is invalid; nothing changes then
	 */
	public synchronized SimulatorFaults merge(Map<String, ?> changes) {
		this.faults = this.faults.merge(changes);
		if (changes.containsKey("outageAfterCalls") || changes.containsKey("outageCalls")) {
			armOutage(this.faults);
		}
		return this.faults;
	}

	/** Removes every fault. */
	public synchronized void reset() {
		this.faults = SimulatorFaults.NONE;
		armOutage(SimulatorFaults.NONE);
	}

	private void armOutage(SimulatorFaults faults) {
		this.outageCallsLeft.set(faults.outageCalls());
		this.callsBeforeOutage.set((faults.outageCalls() > 0) ? faults.outageAfterCalls() : -1);
	}

	/**
	 * Counts one call against an outage set at a known point.
	 * @return whether the call falls in the outage
	 */
	private boolean inOutage() {
		if (this.callsBeforeOutage.get() < 0) {
			return false;
		}
		if (this.callsBeforeOutage.getAndUpdate((left) -> (left > 0) ? left - 1 : left) > 0) {
			return false;
		}
		return this.outageCallsLeft.getAndUpdate((left) -> (left > 0) ? left - 1 : left) > 0;
	}

	/**
	 * Draws the fault for one vendor call.
	 * @return the fault to inject, {@link Fault#NONE} for a normal answer
	 */
	public Fault draw() {
		SimulatorFaults now = this.faults;
		if (now.down()) {
			return Fault.DOWN;
		}
		if (inOutage()) {
			return Fault.SERVER_ERROR;
		}
		// One draw split into consecutive bands keeps the rates exact when they add up to
		// 1.
		double roll = ThreadLocalRandom.current().nextDouble();
		double band = now.timeoutRate();
		if (roll < band) {
			return Fault.TIMEOUT;
		}
		band += now.errorRate();
		if (roll < band) {
			return Fault.SERVER_ERROR;
		}
		band += now.throttleRate();
		if (roll < band) {
			return Fault.THROTTLE;
		}
		band += now.malformedRate();
		if (roll < band) {
			return Fault.MALFORMED;
		}
		return Fault.NONE;
	}

	/**
	 * Returns the latency to add to every vendor call.
	 * @return the latency, possibly zero
	 */
	public Duration latency() {
		return Duration.ofMillis(this.faults.latencyMs());
	}

	/**
	 * A fault drawn for one call.
	 */
	public enum Fault {

		/** Answer normally. */
		NONE,

		/** Close the connection without answering. */
		DOWN,

		/** Never answer. */
		TIMEOUT,

		/** Answer with the vendor's server error. */
		SERVER_ERROR,

		/** Answer with the vendor's throttling error. */
		THROTTLE,

		/** Answer 200 with a truncated body. */
		MALFORMED

	}

}
