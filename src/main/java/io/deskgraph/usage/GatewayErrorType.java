package io.deskgraph.usage;

import graphql.ErrorClassification;

/**
 * How DeskGraph classifies a failure of a vendor or of itself, from the vendor exception
 * to the GraphQL error type and {@code SourceError.code}; each kind also says whether the
 * same call may pass when retried and whether it tells that the vendor is unavailable
 * (what the circuit breakers count).
 *
 * @author DeskGraph
 */
public enum GatewayErrorType implements ErrorClassification {

	/** The vendor throttled the account; retry later. */
	UPSTREAM_THROTTLED(true, false),

	/**
	 * The account's data is still being drained from the vendor in the background; ask
	 * again when it is ready.
	 */
	UPSTREAM_PENDING(true, false),

	/**
	 * The vendor did not answer usefully (5xx, timeout, malformed body, circuit open).
	 */
	UPSTREAM_UNAVAILABLE(true, true),

	/** The vendor rejected the account's credentials or signature. */
	UPSTREAM_AUTH(false, false),

	/** The vendor rejected the request itself. */
	UPSTREAM_REJECTED(false, false),

	/**
	 * This account was asked what its vendor's API cannot answer (a date range outside
	 * its window), while other accounts could: named as GraphQL's own client-mistake
	 * classification, since retrying the same request cannot help.
	 */
	BAD_REQUEST(false, false),

	/**
	 * Unexpected failure inside DeskGraph; details are in the server log under the
	 * execution id.
	 */
	INTERNAL_ERROR(false, false);

	private final boolean retryable;

	private final boolean unavailability;

	GatewayErrorType(boolean retryable, boolean unavailability) {
		this.retryable = retryable;
		this.unavailability = unavailability;
	}

	/**
	 * Whether the same call may pass when made again later.
	 * @return true for throttling and unavailability
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * Whether the failure tells that the vendor is unavailable, which is what a circuit
	 * breaker counts; a throttled, rejected or unauthorized call shows the vendor is up.
	 * @return true for unavailability only
	 */
	public boolean isUnavailability() {
		return this.unavailability;
	}

}
