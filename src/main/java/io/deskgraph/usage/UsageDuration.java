package io.deskgraph.usage;

/**
 * A usage duration in whole seconds, with hours derived for display.
 *
 * @param seconds the duration in seconds
 * @author DeskGraph
 */
public record UsageDuration(long seconds) {

	/** No usage. */
	public static final UsageDuration ZERO = new UsageDuration(0);

	/**
	 * Creates a duration.
	 * @param seconds the seconds
	 * @return the duration
	 */
	public static UsageDuration ofSeconds(long seconds) {
		return new UsageDuration(seconds);
	}

	/**
	 * Hours rounded to two decimals, as the schema promises.
	 * @return seconds / 3600 rounded half up to 2 decimals
	 */
	public double hours() {
		return Math.round(this.seconds / 36.0) / 100.0;
	}

	/**
	 * Adds two durations.
	 * @param other the other duration
	 * @return the sum
	 */
	public UsageDuration plus(UsageDuration other) {
		return new UsageDuration(this.seconds + other.seconds);
	}

}
