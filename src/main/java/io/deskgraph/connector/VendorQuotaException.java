package io.deskgraph.connector;

import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * The vendor throttled the call (Huawei 429 {@code APIGW.0308}, Alibaba
 * {@code Throttling*}); retryable.
 *
 * @author DeskGraph
 */
public class VendorQuotaException extends VendorException {

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
	public VendorQuotaException(Vendor vendor, String accountId, int httpStatus, @Nullable String upstreamCode,
			@Nullable String upstreamRequestId, String message, @Nullable Throwable cause) {
		super(vendor, accountId, httpStatus, upstreamCode, upstreamRequestId, message, cause);
	}

	@Override
	public String classification() {
		return "UPSTREAM_THROTTLED";
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
