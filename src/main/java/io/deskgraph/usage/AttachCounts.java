package io.deskgraph.usage;

/**
 * Desktop counts by assignment state.
 *
 * @param attached assigned to a user
 * @param unattached not assigned
 * @param attaching being assigned
 * @param error assignment failed
 * @author DeskGraph
 */
public record AttachCounts(int attached, int unattached, int attaching, int error) {

	/** All zero. */
	public static final AttachCounts NONE = new AttachCounts(0, 0, 0, 0);

	/**
	 * Adds counts.
	 * @param other the other counts
	 * @return the sums
	 */
	public AttachCounts plus(AttachCounts other) {
		return new AttachCounts(this.attached + other.attached, this.unattached + other.unattached,
				this.attaching + other.attaching, this.error + other.error);
	}

}
