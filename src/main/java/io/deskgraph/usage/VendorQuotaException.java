package io.deskgraph.usage;

import java.time.Duration;

import org.springframework.lang.Nullable;

/**
 * The vendor throttled the call (Huawei 429 {@code APIGW.0308}, Alibaba
 * {@code Throttling*}); retryable.
 *
 * @author DeskGraph
 */
public class VendorQuotaException extends VendorException {

	@Nullable
	private final Duration retryAfter;

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
		this(vendor, accountId, httpStatus, upstreamCode, upstreamRequestId, message, null, cause);
	}

	/**
	 * Creates an exception that says when a retry may pass.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param httpStatus the HTTP status, or 0 when no answer came
	 * @param upstreamCode the vendor's error code
	 * @param upstreamRequestId the vendor's request id
	 * @param message a readable explanation, free of credentials
	 * @param retryAfter how long to wait before retrying, as the vendor or DeskGraph's
	 * own limiter estimates it; {@code null} when unknown
	 * @param cause the underlying failure
	 */
	public VendorQuotaException(Vendor vendor, String accountId, int httpStatus, @Nullable String upstreamCode,
			@Nullable String upstreamRequestId, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(vendor, accountId, httpStatus, upstreamCode, upstreamRequestId, message, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long to wait before retrying, when the vendor said so (HTTP
	 * {@code Retry-After}, Alibaba {@code x-acs-retry-after}) or DeskGraph's limiter can
	 * tell.
	 * @return the wait, or {@code null} when unknown
	 */
	@Nullable
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public GatewayErrorType classification() {
		return GatewayErrorType.UPSTREAM_THROTTLED;
	}

}
