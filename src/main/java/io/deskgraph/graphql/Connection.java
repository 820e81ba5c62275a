package io.deskgraph.graphql;

import java.util.List;

import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;

import org.springframework.lang.Nullable;

/**
 * A Relay connection page with its total and per-source status.
 *
 * @param <T> the node type
 * @param edges the page
 * @param pageInfo paging information
 * @param totalCount results across the accounts that answered
 * @param sources how each account contributed
 * @author DeskGraph
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, @Nullable Integer totalCount,
		List<SourceStatus> sources) implements SourcedResult {

}
