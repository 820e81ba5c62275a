package io.deskgraph.graphql;

import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.UsageConnector;

import org.springframework.lang.Nullable;

/**
 * What one account answered to a fanned-out question: its value when it answered, and its
 * status either way.
 *
 * @param <T> the answer type
 * @param connector the account's connector
 * @param value the answer, {@code null} when the account failed or is unsupported
 * @param status the account's status in the result
 * @author DeskGraph
 */
record SourceOutcome<T>(UsageConnector connector, @Nullable T value, SourceStatus status) {

	String accountId() {
		return this.connector.account().id();
	}

}
