package io.deskgraph.connector;

import java.time.Duration;

import io.deskgraph.usage.VendorQuotaException;

/**
 * Raised inside the upstream chain when a vendor call cannot get a quota permit before
 * its request's deadline; translated into a {@link VendorQuotaException} for clients.
 *
 * @author DeskGraph
 */
final class QuotaWaitException extends RuntimeException {

	private final Duration expectedWait;

	QuotaWaitException(String bucket, long expectedWaitNanos) {
		super(bucket + ": no quota permit before the request's deadline", null, false, false);
		this.expectedWait = Duration.ofNanos(Math.max(0, expectedWaitNanos));
	}

	/**
	 * How long the call would have had to wait for its permit.
	 * @return the expected wait
	 */
	Duration expectedWait() {
		return this.expectedWait;
	}

}
