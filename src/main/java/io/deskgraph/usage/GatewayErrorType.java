package io.deskgraph.usage;

import graphql.ErrorClassification;

/**
 * DeskGraph's own GraphQL error classifications for vendor failures, alongside Spring's
 * {@code ErrorType}.
 *
 * @author DeskGraph
 */
public enum GatewayErrorType implements ErrorClassification {

	/** The vendor throttled the account; retry later. */
	UPSTREAM_THROTTLED,

	/**
	 * The vendor did not answer usefully (5xx, timeout, malformed body, circuit open).
	 */
	UPSTREAM_UNAVAILABLE,

	/** The vendor rejected the account's credentials or signature. */
	UPSTREAM_AUTH,

	/** The vendor rejected the request itself. */
	UPSTREAM_REJECTED,

	/**
	 * Unexpected failure inside DeskGraph; details are in the server log under the
	 * execution id.
	 */
	INTERNAL_ERROR;

	/**
	 * Looks up a classification by the name a {@code SourceError} carries.
	 * @param code the code
	 * @return the classification, {@link #INTERNAL_ERROR} for unknown codes
	 */
	public static GatewayErrorType of(String code) {
		for (GatewayErrorType type : values()) {
			if (type.name().equals(code)) {
				return type;
			}
		}
		return INTERNAL_ERROR;
	}

}
