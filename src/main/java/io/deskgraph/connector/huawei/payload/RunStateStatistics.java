package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Desktop counts by run state in a ListDesktopsStatistics answer.
 *
 * @param stopNum stopped desktops
 * @param activeNum running desktops
 * @param errorNum desktops in an error state
 * @param hibernatedNum hibernated desktops
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStateStatistics(@JsonProperty("stop_num") int stopNum, @JsonProperty("active_num") int activeNum,
		@JsonProperty("error_num") int errorNum, @JsonProperty("hibernated_num") int hibernatedNum) {

}
