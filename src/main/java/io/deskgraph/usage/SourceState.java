package io.deskgraph.usage;

/**
 * The state of one account's contribution to a result.
 *
 * @author DeskGraph
 */
public enum SourceState {

	OK, STALE, FAILED, UNSUPPORTED

}
