package io.deskgraph.usage;

/**
 * Desktop counts by run state.
 *
 * @param active running
 * @param stopped stopped
 * @param error in an error state
 * @param hibernated hibernated
 * @author DeskGraph
 */
public record RunCounts(int active, int stopped, int error, int hibernated) {

	/** All zero. */
	public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);

	/**
	 * Adds counts.
	 * @param other the other counts
	 * @return the sums
	 */
	public RunCounts plus(RunCounts other) {
		return new RunCounts(this.active + other.active, this.stopped + other.stopped, this.error + other.error,
				this.hibernated + other.hibernated);
	}

}
