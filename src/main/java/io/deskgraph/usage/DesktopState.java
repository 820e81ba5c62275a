package io.deskgraph.usage;

/**
 * A desktop's run state, normalized across vendors the way {@link RunCounts} counts them;
 * the vendor's own value is kept next to it ({@link Desktop#vendorState()}).
 *
 * @author DeskGraph
 */
public enum DesktopState {

	/** Running or on its way to running. */
	ACTIVE,

	/** Stopped or stopping. */
	STOPPED,

	/** Hibernated. */
	HIBERNATED,

	/** In an error state, expired, deleted, or a state this version does not know. */
	ERROR

}
