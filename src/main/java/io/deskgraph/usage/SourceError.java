package io.deskgraph.usage;

import java.time.Duration;

import org.springframework.lang.Nullable;

/**
 * Why an account could not contribute to a result.
 *
 * @param code DeskGraph's classification
 * @param message a readable explanation, free of credentials
 * @param retryable whether a retry may succeed
 * @param upstreamCode the vendor's error code
 * @param upstreamRequestId the vendor's request id
 * @param retryAfterSeconds seconds after which a retry may succeed, where known
 * @author DeskGraph
 */
public record SourceError(GatewayErrorType code, String message, boolean retryable, @Nullable String upstreamCode,
		@Nullable String upstreamRequestId, @Nullable Integer retryAfterSeconds) {

	/**
	 * The error of an account whose vendor call failed.
	 * @param failure the vendor failure
	 * @return the error, with what support needs and, for throttling, when to retry
	 */
	public static SourceError of(VendorException failure) {
		Duration retryAfter = (failure instanceof VendorQuotaException quota) ? quota.getRetryAfter() : null;
		return new SourceError(failure.classification(), failure.getMessage(), failure.isRetryable(),
				failure.getUpstreamCode(), failure.getUpstreamRequestId(),
				(retryAfter != null) ? (int) Math.max(1, (retryAfter.toMillis() + 999) / 1000) : null);
	}

	/**
	 * The error of an account whose data is still being drained.
	 * @param pending the drain's state
	 * @return the error, retryable, with when the data will be ready
	 */
	public static SourceError pending(DataPendingException pending) {
		return new SourceError(GatewayErrorType.UPSTREAM_PENDING, pending.getMessage(), true, null, null,
				(int) Math.max(1, (pending.getReadyIn().toMillis() + 999) / 1000));
	}

	/**
	 * The error of an account whose vendor cannot answer the range asked.
	 * @param outside the limit the range breaks
	 * @return the error
	 */
	public static SourceError outsideWindow(VendorWindowException outside) {
		return new SourceError(GatewayErrorType.BAD_REQUEST, outside.getMessage(), false, null, null, null);
	}

	/**
	 * The error of an account that failed unexpectedly.
	 * @param accountId the account
	 * @return the error
	 */
	public static SourceError internal(String accountId) {
		return new SourceError(GatewayErrorType.INTERNAL_ERROR,
				"Internal error while asking account " + accountId + "; see the server log", false, null, null, null);
	}

}
