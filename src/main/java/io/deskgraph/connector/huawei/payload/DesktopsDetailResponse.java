package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of ListDesktopsDetail ({@code GET /v2/{project_id}/desktops/detail}), with
 * the fields DeskGraph reads.
 *
 * @param totalCount number of desktops the filters match
 * @param desktops the page
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopsDetailResponse(@JsonProperty("total_count") long totalCount,
		@JsonProperty("desktops") List<DesktopDetail> desktops) {

	public DesktopsDetailResponse {
		desktops = (desktops != null) ? desktops : List.of();
	}

}
