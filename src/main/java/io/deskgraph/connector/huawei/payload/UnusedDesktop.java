package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One desktop in a ListUnusedDesktops answer.
 *
 * @param desktopId the desktop id
 * @param computeName the desktop name
 * @param createTime when the desktop was created, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
 * @param disconnectTime when a user last disconnected
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnusedDesktop(@JsonProperty("desktop_id") String desktopId,
		@JsonProperty("compute_name") @Nullable String computeName,
		@JsonProperty("create_time") @Nullable String createTime,
		@JsonProperty("disconnect_time") @Nullable String disconnectTime) {

}
