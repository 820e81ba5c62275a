package io.deskgraph.connector.alibaba.payload;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * Alibaba's unified error body, sent with 4xx and 5xx answers.
 *
 * @param requestId the vendor's request id
 * @param hostId the endpoint host that answered
 * @param code a short dotted code, for example {@code Throttling.User}
 * @param message a readable explanation
 * @param recommend a diagnosis URL
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(@JsonProperty("RequestId") @JsonAlias("requestId") @Nullable String requestId,
		@JsonProperty("HostId") @JsonAlias("hostId") @Nullable String hostId,
		@JsonProperty("Code") @JsonAlias("code") @Nullable String code,
		@JsonProperty("Message") @JsonAlias("message") @Nullable String message,
		@JsonProperty("Recommend") @JsonAlias("recommend") @Nullable String recommend) {

}
