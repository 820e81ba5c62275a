package io.deskgraph.usage;

/**
 * Fields metrics can be sorted by.
 *
 * @author DeskGraph
 */
public enum MetricSortField {

	DESKTOP_USAGE, DESKTOP_IDLE_DURATION, USER_USAGE

}
