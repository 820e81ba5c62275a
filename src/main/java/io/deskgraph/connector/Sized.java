package io.deskgraph.connector;

/**
 * A vendor answer and the size of the body it was read from, by which the page cache
 * weighs it.
 *
 * @param <T> the answer type
 * @param value the answer
 * @param bytes the size of its body
 * @author DeskGraph
 */
public record Sized<T>(T value, int bytes) {

}
