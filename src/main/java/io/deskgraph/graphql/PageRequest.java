package io.deskgraph.graphql;

import java.util.Map;

import io.deskgraph.usage.InvalidArgumentException;

import org.springframework.lang.Nullable;

/**
 * A validated request for one page: its size, the query it belongs to and the offsets it
 * resumes from.
 *
 * @param first page size
 * @param query fingerprint of the query's other arguments
 * @param offsets offset per account to resume from (absent accounts start at 0)
 * @author DeskGraph
 */
record PageRequest(int first, String query, Map<String, Long> offsets) {

	/** Page size when {@code first} is not given. */
	static final int DEFAULT_FIRST = 20;

	/** Largest page size a client may ask for. */
	static final int MAX_FIRST = 500;

	/**
	 * Validates paging arguments.
	 * @param first the {@code first} argument
	 * @param after the {@code after} argument
	 * @param query fingerprint of the query's other arguments
	 * @return the request
	 * @throws InvalidArgumentException if {@code first} is out of range or {@code after}
	 * is not a cursor of this query
	 */
	static PageRequest of(@Nullable Integer first, @Nullable String after, String query) {
		int size = (first != null) ? first : DEFAULT_FIRST;
		if (size < 1 || size > MAX_FIRST) {
			throw new InvalidArgumentException("first",
					"must be between 1 and " + MAX_FIRST + " (default " + DEFAULT_FIRST + "); got " + size);
		}
		Map<String, Long> offsets = (after != null) ? CursorCodec.decode(after, query) : Map.of();
		return new PageRequest(size, query, offsets);
	}

	long offsetOf(String accountId) {
		return this.offsets.getOrDefault(accountId, 0L);
	}

}
