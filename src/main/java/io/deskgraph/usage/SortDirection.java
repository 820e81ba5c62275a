package io.deskgraph.usage;

/**
 * Sort order.
 *
 * @author DeskGraph
 */
public enum SortDirection {

	ASC, DESC

}
