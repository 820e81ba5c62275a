package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * Desktop counts of one desktop pool in a ListDesktopsStatistics answer.
 *
 * @param desktopPoolId the pool id
 * @param desktopPoolName the pool name
 * @param totalNum desktops in the pool
 * @param attachStatistics counts by assignment state
 * @param runStateStatistics counts by run state
 * @param loginStateStatistics counts by login state
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopPoolStatistics(@JsonProperty("desktop_pool_id") @Nullable String desktopPoolId,
		@JsonProperty("desktop_pool_name") @Nullable String desktopPoolName, @JsonProperty("total_num") int totalNum,
		@JsonProperty("attach_statistics") @Nullable AttachStatistics attachStatistics,
		@JsonProperty("run_state_statistics") @Nullable RunStateStatistics runStateStatistics,
		@JsonProperty("login_state_statistics") @Nullable LoginStateStatistics loginStateStatistics) {

}
