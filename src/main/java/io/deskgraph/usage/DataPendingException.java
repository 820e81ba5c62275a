package io.deskgraph.usage;

import java.time.Duration;

/**
 * Raised when an account's data needs a drain of vendor pages that outlasts the request:
 * the drain goes on in the background, and the account's source is reported
 * {@code PENDING} with an estimate of when its data will be ready.
 *
 * @author DeskGraph
 */
public class DataPendingException extends RuntimeException {

	private final Vendor vendor;

	private final String accountId;

	private final Duration readyIn;

	/**
	 * Creates an exception.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param readyIn when the data will be ready, as estimated from the pages left and
	 * the vendor's quota
	 * @param message what is being fetched and how far it got
	 */
	public DataPendingException(Vendor vendor, String accountId, Duration readyIn, String message) {
		super(message, null, false, false);
		this.vendor = vendor;
		this.accountId = accountId;
		this.readyIn = readyIn;
	}

	public Vendor getVendor() {
		return this.vendor;
	}

	public String getAccountId() {
		return this.accountId;
	}

	/**
	 * When the data will be ready.
	 * @return the estimate
	 */
	public Duration getReadyIn() {
		return this.readyIn;
	}

}
