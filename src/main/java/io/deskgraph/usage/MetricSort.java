package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Sort order of metrics.
 *
 * @param field the field to sort by
 * @param direction the direction, {@code null} meaning descending
 * @author DeskGraph
 */
public record MetricSort(MetricSortField field, @Nullable SortDirection direction) {

	/**
	 * The direction, descending when not given.
	 * @return the direction
	 */
	public SortDirection effectiveDirection() {
		return (this.direction != null) ? this.direction : SortDirection.DESC;
	}

}
