package io.deskgraph.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Holds the faults currently in force and draws, per vendor call, which one (if any)
 * strikes.
 * <p>
 * One random draw per call is compared against consecutive bands of the timeout, error,
 * throttle and malformed rates, in that order, so the rates are exact shares of all calls
 * as long as they add up to at most 1 (beyond that, the later bands shrink).
 *
 * @author DeskGraph
 */
public final class FaultInjector {

	private volatile SimulatorFaults faults = SimulatorFaults.NONE;

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
	public void set(SimulatorFaults faults) {
		this.faults = faults;
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
		return this.faults;
	}

	/** Removes every fault. */
	public void reset() {
		this.faults = SimulatorFaults.NONE;
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
