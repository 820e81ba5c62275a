package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * The vendor rejected the account's credentials or signature; never retried.
 *
 * @author DeskGraph
 */
public class VendorAuthException extends VendorException {

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
	public VendorAuthException(Vendor vendor, String accountId, int httpStatus, @Nullable String upstreamCode,
			@Nullable String upstreamRequestId, String message, @Nullable Throwable cause) {
		super(vendor, accountId, httpStatus, upstreamCode, upstreamRequestId, message, cause);
	}

	@Override
	public GatewayErrorType classification() {
		return GatewayErrorType.UPSTREAM_AUTH;
	}

}
