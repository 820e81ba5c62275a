package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One desktop and user in a ListUsedDesktopInfo answer.
 *
 * @param desktopId the desktop id
 * @param desktopUsername the user the time is counted for
 * @param usedInfoList usage per bucket
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopUsedInfo(@JsonProperty("desktop_id") String desktopId,
		@JsonProperty("desktop_username") @Nullable String desktopUsername,
		@JsonProperty("used_info_list") List<UsedInfo> usedInfoList) {

	public DesktopUsedInfo {
		usedInfoList = (usedInfoList != null) ? usedInfoList : List.of();
	}

}
