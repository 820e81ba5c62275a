package io.deskgraph.simulator.huawei;

/**
 * An error answer of the Huawei simulator, carrying the HTTP status and the Huawei error
 * code and message.
 * <p>
 * {@code APIGW.*} codes are the API gateway's published codes and their bodies carry a
 * {@code request_id}. The Workspace service's own codes for statistics validation are not
 * published, so the simulator uses invented ones: {@value #BUSINESS_RULE} for a violated
 * business rule (time window too long, too old, inverted), {@value #NOT_FOUND} for an
 * export task that does not exist and {@value #NOT_DOWNLOADABLE} for one that has no file
 * (not {@code SUCCESS}). {@value #EMPTY_BODY} is the published "request message is empty"
 * code.
 *
 * @author DeskGraph
 */
final class HuaweiApiException extends RuntimeException {

	/** Invented Workspace code for a violated business rule (HTTP 400). */
	static final String BUSINESS_RULE = "WKS.00000002";

	/** Invented Workspace code for an export task that does not exist (HTTP 404). */
	static final String NOT_FOUND = "WKS.00000003";

	/**
	 * Invented Workspace code for an export task without a file to download (HTTP 400).
	 */
	static final String NOT_DOWNLOADABLE = "WKS.00000004";

	/** Published Workspace code for an empty request body (HTTP 400). */
	static final String EMPTY_BODY = "WKS.0001";

	private static final String IAM_PREFIX = "Incorrect IAM authentication information: ";

	private final int status;

	private final String errorCode;

	private final boolean gateway;

	private HuaweiApiException(int status, String errorCode, String message, boolean gateway) {
		super(message, null, false, false);
		this.status = status;
		this.errorCode = errorCode;
		this.gateway = gateway;
	}

	int status() {
		return this.status;
	}

	String errorCode() {
		return this.errorCode;
	}

	/**
	 * Tells whether the error comes from the API gateway, whose error bodies also carry
	 * the request id.
	 */
	boolean gateway() {
		return this.gateway;
	}

	static HuaweiApiException apiNotFound() {
		return new HuaweiApiException(404, "APIGW.0101",
				"The API does not exist or has not been published in the environment", true);
	}

	static HuaweiApiException invalidParameter(String name, String problem) {
		return new HuaweiApiException(400, "APIGW.0201", "Invalid request parameter " + name + ": " + problem, true);
	}

	static HuaweiApiException bodyTooLarge() {
		return new HuaweiApiException(413, "APIGW.0201", "Request entity too large: the limit is 12 MB", true);
	}

	static HuaweiApiException unauthorized(String reason) {
		return new HuaweiApiException(401, "APIGW.0301", IAM_PREFIX + reason, true);
	}

	static HuaweiApiException projectUnavailable(String detail) {
		return new HuaweiApiException(403, "APIGW.0310", "The project is unavailable: " + detail, true);
	}

	static HuaweiApiException throttled(int limit) {
		return new HuaweiApiException(429, "APIGW.0308",
				"The throttling threshold has been reached: policy user over ratelimit,limit:" + limit
						+ ",time:1 minute",
				true);
	}

	static HuaweiApiException internalError() {
		return new HuaweiApiException(500, "APIGW.0601", "Internal server error", true);
	}

	static HuaweiApiException businessRule(String message) {
		return new HuaweiApiException(400, BUSINESS_RULE, message, false);
	}

	static HuaweiApiException emptyBody() {
		return new HuaweiApiException(400, EMPTY_BODY, "The request message is empty", false);
	}

	static HuaweiApiException notFound(String message) {
		return new HuaweiApiException(404, NOT_FOUND, message, false);
	}

	static HuaweiApiException notDownloadable(String message) {
		return new HuaweiApiException(400, NOT_DOWNLOADABLE, message, false);
	}

}
