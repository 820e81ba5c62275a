package io.deskgraph.graphql;

import org.springframework.lang.Nullable;

/**
 * Relay paging information; paging is forward only.
 *
 * @param hasNextPage whether more results follow
 * @param hasPreviousPage always false
 * @param startCursor cursor of the first edge
 * @param endCursor cursor of the last edge
 * @author DeskGraph
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
		@Nullable String endCursor) {

}
