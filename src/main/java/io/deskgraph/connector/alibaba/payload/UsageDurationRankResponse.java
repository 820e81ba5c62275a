package io.deskgraph.connector.alibaba.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * The answer of QueryHistoryUsageDurationRank: one page of usage rows.
 *
 * @param requestId the vendor's request id
 * @param totalCount the number of rows over all pages
 * @param nextToken the token of the next page; absent on the last page
 * @param usageDurationList the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDurationRankResponse(@JsonProperty("RequestId") @Nullable String requestId,
		@JsonProperty("TotalCount") long totalCount, @JsonProperty("NextToken") @Nullable String nextToken,
		@JsonProperty("UsageDurationList") List<UsageDurationItem> usageDurationList) {

	public UsageDurationRankResponse {
		usageDurationList = (usageDurationList != null) ? usageDurationList : List.of();
	}

}
