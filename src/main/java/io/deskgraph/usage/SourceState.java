package io.deskgraph.usage;

/**
 * The state of one account's contribution to a result.
 *
 * @author DeskGraph
 */
public enum SourceState {

	/** The account answered; its data is fresh. */
	OK,

	/** The account failed and its last good data was served instead. */
	STALE,

	/** The account's data is still being drained in the background; ask again later. */
	PENDING,

	/** The account failed and contributed no data. */
	FAILED,

	/** The account's vendor has no API for the question. */
	UNSUPPORTED

}
