package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * The answer of ListDesktopsStatistics ({@code GET /v2/{project_id}/statistics}).
 *
 * @param totalNum number of desktops
 * @param attachStatistics counts by assignment state, when asked for
 * @param runStateStatistics counts by run state, when asked for
 * @param loginStateStatistics counts by login state, when asked for
 * @param desktopPoolStatistics counts per desktop pool
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopsStatisticsResponse(@JsonProperty("total_num") int totalNum,
		@JsonProperty("attach_statistics") @Nullable AttachStatistics attachStatistics,
		@JsonProperty("run_state_statistics") @Nullable RunStateStatistics runStateStatistics,
		@JsonProperty("login_state_statistics") @Nullable LoginStateStatistics loginStateStatistics,
		@JsonProperty("desktop_pool_statistics") List<DesktopPoolStatistics> desktopPoolStatistics) {

	public DesktopsStatisticsResponse {
		desktopPoolStatistics = (desktopPoolStatistics != null) ? desktopPoolStatistics : List.of();
	}

}
