package io.deskgraph.simulator;

import java.util.Map;

/**
 * The faults a simulator injects into vendor calls, as set through
 * {@code PUT /_sim/faults}.
 *
 * @param latencyMs delay added to every vendor call, in milliseconds
 * @param errorRate share of calls answered with a vendor server error (0 to 1)
 * @param throttleRate share of calls answered with the vendor's throttling error (0 to 1)
 * @param timeoutRate share of calls never answered (0 to 1)
 * @param malformedRate share of calls answered 200 with a truncated, invalid JSON body (0
 * to 1)
 * @param down whether every vendor call has its connection closed without an answer
 * @param outageAfterCalls for an outage at a known point: how many more vendor calls are
 * answered normally before the outage's calls fail ({@code -1}: no outage); counted from
 * when it is set
 * @param outageCalls how many vendor calls the outage answers with a vendor server error,
 * one after the other
 * @author DeskGraph
 */
public record SimulatorFaults(long latencyMs, double errorRate, double throttleRate, double timeoutRate,
		double malformedRate, boolean down, long outageAfterCalls, long outageCalls) {

	/** No faults at all. */
	public static final SimulatorFaults NONE = new SimulatorFaults(0, 0, 0, 0, 0, false, -1, 0);

	/**
	 * Validates the components.
	 * @param latencyMs delay added to every vendor call
	 * @param errorRate share of server errors
	 * @param throttleRate share of throttling errors
	 * @param timeoutRate share of calls never answered
	 * @param malformedRate share of malformed bodies
	 * @param down whether the simulator is down
	 * @param outageAfterCalls calls answered before the outage, or -1
	 * @param outageCalls calls the outage fails
	 */
	public SimulatorFaults {
		if (latencyMs < 0 || latencyMs > 600_000) {
			throw new IllegalArgumentException("latencyMs must be between 0 and 600000");
		}
		checkRate("errorRate", errorRate);
		checkRate("throttleRate", throttleRate);
		checkRate("timeoutRate", timeoutRate);
		checkRate("malformedRate", malformedRate);
		if (outageAfterCalls < -1) {
			throw new IllegalArgumentException("outageAfterCalls must be -1 (no outage) or at least 0");
		}
		if (outageCalls < 0) {
			throw new IllegalArgumentException("outageCalls must be at least 0");
		}
	}

	/**
	 * Returns these faults with the given settings applied on top; keys not present keep
	 * their current value.
	 * @param changes the settings to change, keyed by component name
	 * @return the merged faults
	 * @throws IllegalArgumentException if a key is unknown or a value has the wrong type
	 * or range
	 */
	public SimulatorFaults merge(Map<String, ?> changes) {
		long latency = this.latencyMs;
		double error = this.errorRate;
		double throttle = this.throttleRate;
		double timeout = this.timeoutRate;
		double malformed = this.malformedRate;
		boolean isDown = this.down;
		long outageAfter = this.outageAfterCalls;
		long outage = this.outageCalls;
		for (Map.Entry<String, ?> change : changes.entrySet()) {
			Object value = change.getValue();
			switch (change.getKey()) {
				case "latencyMs" -> latency = (long) number(change.getKey(), value);
				case "errorRate" -> error = number(change.getKey(), value);
				case "throttleRate" -> throttle = number(change.getKey(), value);
				case "timeoutRate" -> timeout = number(change.getKey(), value);
				case "malformedRate" -> malformed = number(change.getKey(), value);
				case "outageAfterCalls" -> outageAfter = (long) number(change.getKey(), value);
				case "outageCalls" -> outage = (long) number(change.getKey(), value);
				case "down" -> {
					if (!(value instanceof Boolean bool)) {
						throw new IllegalArgumentException("down must be true or false");
					}
					isDown = bool;
				}
				default -> throw new IllegalArgumentException("unknown fault '" + change.getKey()
						+ "'; known: latencyMs, errorRate, throttleRate, timeoutRate, malformedRate, down, "
						+ "outageAfterCalls, outageCalls");
			}
		}
		return new SimulatorFaults(latency, error, throttle, timeout, malformed, isDown, outageAfter, outage);
	}

	private static double number(String name, Object value) {
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException(name + " must be a number");
		}
		return number.doubleValue();
	}

	private static void checkRate(String name, double rate) {
		if (!(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1");
		}
	}

}
