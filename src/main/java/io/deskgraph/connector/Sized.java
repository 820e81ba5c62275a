package io.deskgraph.connector;

import org.springframework.lang.Nullable;

/**
 * A vendor answer and the size of the body it was read from, by which the page cache
 * weighs it.
 *
 * @param <T> the answer type
 * @param value the answer
 * @param bytes the size of its body
 * @param body the body itself, for the replicas' shared tier; {@code null} when it is not
 * to be shared
 * @author DeskGraph
 */
public record Sized<T>(T value, int bytes, @Nullable byte[] body) {

	/**
	 * An answer that is not shared with other replicas.
	 * @param value the answer
	 * @param bytes the size of its body
	 */
	public Sized(T value, int bytes) {
		this(value, bytes, null);
	}

	/**
	 * An answer with its body, to be shared with other replicas.
	 * @param <T> the answer type
	 * @param value the answer
	 * @param body the body it was read from
	 * @return the answer
	 */
	public static <T> Sized<T> of(T value, byte[] body) {
		return new Sized<>(value, body.length, body);
	}

}
