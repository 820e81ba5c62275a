package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListUnusedDesktops ({@code GET
 * /v2/{project_id}/desktops/statistics/unused}).
 *
 * @param totalCount number of unused desktops
 * @param unusedDesktops the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnusedDesktopsResponse(@JsonProperty("total_count") long totalCount,
		@JsonProperty("unused_desktops") List<UnusedDesktop> unusedDesktops) {

	public UnusedDesktopsResponse {
		unusedDesktops = (unusedDesktops != null) ? unusedDesktops : List.of();
	}

}
