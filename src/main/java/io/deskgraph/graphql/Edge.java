package io.deskgraph.graphql;

/**
 * A node and the cursor that resumes after it.
 *
 * @param <T> the node type
 * @param cursor the opaque cursor
 * @param node the node
 * @author DeskGraph
 */
public record Edge<T>(String cursor, T node) {

}
