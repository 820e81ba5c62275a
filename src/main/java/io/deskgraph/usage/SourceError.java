package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Why an account could not contribute to a result.
 *
 * @param code DeskGraph's classification
 * @param message a readable explanation, free of credentials
 * @param retryable whether a retry may succeed
 * @param upstreamCode the vendor's error code
 * @param upstreamRequestId the vendor's request id
 * @param retryAfterSeconds seconds after which a retry may succeed, where known
 * @author DeskGraph
 */
public record SourceError(String code, String message, boolean retryable, @Nullable String upstreamCode,
		@Nullable String upstreamRequestId, @Nullable Integer retryAfterSeconds) {

}
