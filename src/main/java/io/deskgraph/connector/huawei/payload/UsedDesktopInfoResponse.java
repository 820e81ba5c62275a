package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListUsedDesktopInfo.
 *
 * @param totalCount number of desktop and user entries
 * @param desktopUsedInfoList the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsedDesktopInfoResponse(@JsonProperty("total_count") long totalCount,
		@JsonProperty("desktop_used_info_list") List<DesktopUsedInfo> desktopUsedInfoList) {

	public UsedDesktopInfoResponse {
		desktopUsedInfoList = (desktopUsedInfoList != null) ? desktopUsedInfoList : List.of();
	}

}
