package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Base of the typed failures a vendor call can end in, carrying what support needs:
 * vendor, account, HTTP status, vendor code and request id.
 *
 * @author DeskGraph
 */
public abstract class VendorException extends RuntimeException {

	private final Vendor vendor;

	private final String accountId;

	private final int httpStatus;

	@Nullable
	private final String upstreamCode;

	@Nullable
	private final String upstreamRequestId;

	protected VendorException(Vendor vendor, String accountId, int httpStatus, @Nullable String upstreamCode,
			@Nullable String upstreamRequestId, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.vendor = vendor;
		this.accountId = accountId;
		this.httpStatus = httpStatus;
		this.upstreamCode = upstreamCode;
		this.upstreamRequestId = upstreamRequestId;
	}

	/**
	 * DeskGraph's classification of this failure, also the GraphQL error type.
	 * @return for example {@link GatewayErrorType#UPSTREAM_THROTTLED}
	 */
	public abstract GatewayErrorType classification();

	/**
	 * Whether the same call may succeed later, as its classification says.
	 * @return true for throttling and unavailability
	 */
	public final boolean isRetryable() {
		return classification().isRetryable();
	}

	public Vendor getVendor() {
		return this.vendor;
	}

	public String getAccountId() {
		return this.accountId;
	}

	/**
	 * The HTTP status the vendor answered, or 0 when no answer came.
	 * @return the status
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	@Nullable
	public String getUpstreamCode() {
		return this.upstreamCode;
	}

	@Nullable
	public String getUpstreamRequestId() {
		return this.upstreamRequestId;
	}

}
