package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * The vendor did not answer usefully: 5xx, timeout, connection failure or a malformed
 * body; retryable.
 *
 * @author DeskGraph
 */
public class VendorUnavailableException extends VendorException {

	/**
	 * Creates an exception.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param httpStatus the HTTP status, or 0 when no answer came
	 * @param upstreamCode the vendor's error code
	 * @param upstreamRequestId the vendor's request id
	 * @param message a readable explanation, free of credentials
	 * @param cause the underlying failure
	 */
	public VendorUnavailableException(Vendor vendor, String accountId, int httpStatus, @Nullable String upstreamCode,
			@Nullable String upstreamRequestId, String message, @Nullable Throwable cause) {
		super(vendor, accountId, httpStatus, upstreamCode, upstreamRequestId, message, cause);
	}

	@Override
	public GatewayErrorType classification() {
		return GatewayErrorType.UPSTREAM_UNAVAILABLE;
	}

	/**
	 * The vendor answered HTTP 200 with something that is not the answer its API
	 * documents (a missing field, an entry that cannot be read, a paging token that would
	 * not end).
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param operation the vendor operation, for example {@code ListUsedDesktopInfo}
	 * @param problem what is wrong with the answer, for example
	 * {@code "answered without a task_id"}
	 * @param cause the parse failure, if any
	 * @return the exception
	 */
	public static VendorUnavailableException malformed(Vendor vendor, String accountId, String operation,
			String problem, @Nullable Throwable cause) {
		return new VendorUnavailableException(vendor, accountId, 200, null, null,
				vendor.displayName() + " " + operation + " for account '" + accountId + "' " + problem, cause);
	}

}
