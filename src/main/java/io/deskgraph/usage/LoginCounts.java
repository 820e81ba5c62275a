package io.deskgraph.usage;

/**
 * Desktop counts by login state.
 *
 * @param inUse a user is logged in
 * @param stopped the desktop is stopped
 * @param unregistered the agent has not registered
 * @param unableToConnect the desktop cannot be connected to
 * @param ready ready for a login
 * @param disconnected the user disconnected
 * @author DeskGraph
 */
public record LoginCounts(int inUse, int stopped, int unregistered, int unableToConnect, int ready, int disconnected) {

	/** All zero. */
	public static final LoginCounts NONE = new LoginCounts(0, 0, 0, 0, 0, 0);

	/**
	 * Adds counts.
	 * @param other the other counts
	 * @return the sums
	 */
	public LoginCounts plus(LoginCounts other) {
		return new LoginCounts(this.inUse + other.inUse, this.stopped + other.stopped,
				this.unregistered + other.unregistered, this.unableToConnect + other.unableToConnect,
				this.ready + other.ready, this.disconnected + other.disconnected);
	}

}
