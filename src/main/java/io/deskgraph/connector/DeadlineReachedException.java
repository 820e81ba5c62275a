package io.deskgraph.connector;

/**
 * Raised inside the upstream chain when a vendor call is still running at its request's
 * deadline; translated into a {@code VendorUnavailableException} for clients, never
 * retried.
 *
 * @author DeskGraph
 */
final class DeadlineReachedException extends RuntimeException {

	DeadlineReachedException() {
		super("The request's deadline passed during a vendor call", null, false, false);
	}

}
