package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Desktop counts by login state in a ListDesktopsStatistics answer.
 *
 * @param inUseNum desktops with a user logged in
 * @param stopNum stopped desktops
 * @param unregisteredNum desktops whose agent has not registered
 * @param unableToConnectNum desktops that cannot be connected to
 * @param readyNum desktops ready for a login
 * @param disconnectedNum desktops whose user disconnected
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginStateStatistics(@JsonProperty("in_use_num") int inUseNum, @JsonProperty("stop_num") int stopNum,
		@JsonProperty("unregistered_num") int unregisteredNum,
		@JsonProperty("unable_to_connect_num") int unableToConnectNum, @JsonProperty("ready_num") int readyNum,
		@JsonProperty("disconnected_num") int disconnectedNum) {

}
