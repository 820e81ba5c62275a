package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Desktop counts by assignment state in a ListDesktopsStatistics answer.
 *
 * @param attachedNum assigned desktops
 * @param unattachedNum unassigned desktops
 * @param attachingNum desktops being assigned
 * @param attachErrorNum desktops whose assignment failed
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachStatistics(@JsonProperty("attached_num") int attachedNum,
		@JsonProperty("unattached_num") int unattachedNum, @JsonProperty("attaching_num") int attachingNum,
		@JsonProperty("attach_error_num") int attachErrorNum) {

}
