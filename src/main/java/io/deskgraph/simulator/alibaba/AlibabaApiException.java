package io.deskgraph.simulator.alibaba;

/**
 * An error answer of the Alibaba simulator, carrying the HTTP status and Alibaba's error
 * code and message.
 * <p>
 * The codes follow Alibaba's published common codes where one exists. The ECD-specific
 * validation codes ({@code InvalidParameter.StartDate}, {@code InvalidParameter.Limit},
 * {@code InvalidParameter.NextToken} and the like) follow Alibaba's
 * {@code InvalidParameter.Xxx} convention but are not confirmed for these actions.
 *
 * @author DeskGraph
 */
final class AlibabaApiException extends RuntimeException {

	private final int status;

	private final String code;

	private AlibabaApiException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	static AlibabaApiException of(int status, String code, String message) {
		return new AlibabaApiException(status, code, message);
	}

	static AlibabaApiException actionNotFound() {
		return new AlibabaApiException(404, "InvalidAction.NotFound",
				"Specified api is not found, please check your url and method.");
	}

	static AlibabaApiException missingParameter(String name) {
		return new AlibabaApiException(400, "MissingParameter",
				"The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
	}

	static AlibabaApiException invalidVersion() {
		return new AlibabaApiException(400, "InvalidVersion", "Specified parameter Version is not valid.");
	}

	static AlibabaApiException invalidParameter(String name, String message) {
		return new AlibabaApiException(400, "InvalidParameter." + name, message);
	}

	static AlibabaApiException incompleteSignature(String detail) {
		return new AlibabaApiException(400, "IncompleteSignature",
				"The request signature does not conform to Aliyun standards. " + detail);
	}

	static AlibabaApiException accessKeyNotFound() {
		return new AlibabaApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
	}

	static AlibabaApiException signatureDoesNotMatch(String stringToSign) {
		return new AlibabaApiException(400, "SignatureDoesNotMatch",
				"Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
	}

	static AlibabaApiException contentHashDoesNotMatch() {
		return new AlibabaApiException(400, "SignatureDoesNotMatch",
				"Specified signature is not matched with our calculation: x-acs-content-sha256 is not the SHA-256 of the request body.");
	}

	static AlibabaApiException nonceUsed() {
		return new AlibabaApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
	}

	static AlibabaApiException missingNonce() {
		return new AlibabaApiException(400, "MissingSignatureNonce",
				"The input parameter \"SignatureNonce\" that is mandatory for processing this request is not supplied.");
	}

	static AlibabaApiException timestampFormat(String detail) {
		return new AlibabaApiException(400, "InvalidTimeStamp.Format",
				"Specified time stamp or date value is not well formatted. " + detail);
	}

	static AlibabaApiException timestampExpired(String detail) {
		return new AlibabaApiException(400, "InvalidTimeStamp.Expired",
				"Specified time stamp or date value is expired. " + detail);
	}

	static AlibabaApiException securityTokenMismatch() {
		return new AlibabaApiException(400, "InvalidSecurityToken.MismatchWithAccessKey",
				"Specified SecurityToken mismatch with the AccessKey.");
	}

	static AlibabaApiException throttled() {
		return new AlibabaApiException(400, "Throttling.User", "Request was denied due to user flow control.");
	}

	static AlibabaApiException internalError() {
		return new AlibabaApiException(500, "InternalError",
				"The request processing has failed due to some unknown error, exception or failure.");
	}

	static AlibabaApiException serviceUnavailable() {
		return new AlibabaApiException(503, "ServiceUnavailable",
				"The request has failed due to a temporary failure of the server.");
	}

	static AlibabaApiException missingRegionId() {
		return new AlibabaApiException(400, "MissingRegionId", "RegionId is mandatory for this action.");
	}

	static AlibabaApiException regionNotFound(String regionId) {
		return new AlibabaApiException(404, "InvalidRegionId.NotFound",
				"The specified RegionId " + regionId + " does not exist.");
	}

	static AlibabaApiException invalidNextToken() {
		return new AlibabaApiException(400, "InvalidParameter.NextToken",
				"The specified NextToken is not valid: it was altered, or it belongs to a request with other parameters.");
	}

}
