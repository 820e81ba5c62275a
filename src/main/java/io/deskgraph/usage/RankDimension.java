package io.deskgraph.usage;

/**
 * What a usage ranking ranks.
 *
 * @author DeskGraph
 */
public enum RankDimension {

	DESKTOP, USER

}
