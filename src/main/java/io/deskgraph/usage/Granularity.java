package io.deskgraph.usage;

/**
 * How usage points are bucketed.
 *
 * @author DeskGraph
 */
public enum Granularity {

	DAY, HOUR

}
