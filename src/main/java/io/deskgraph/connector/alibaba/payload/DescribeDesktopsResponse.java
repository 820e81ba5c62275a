package io.deskgraph.connector.alibaba.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * The answer of DescribeDesktops: one page of the desktop inventory of a region.
 *
 * @param requestId the vendor's request id
 * @param totalCount the number of desktops over all pages
 * @param nextToken the token of the next page; absent on the last page
 * @param desktops the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeDesktopsResponse(@JsonProperty("RequestId") @Nullable String requestId,
		@JsonProperty("TotalCount") long totalCount, @JsonProperty("NextToken") @Nullable String nextToken,
		@JsonProperty("Desktops") List<DesktopItem> desktops) {

	public DescribeDesktopsResponse {
		desktops = (desktops != null) ? desktops : List.of();
	}

}
