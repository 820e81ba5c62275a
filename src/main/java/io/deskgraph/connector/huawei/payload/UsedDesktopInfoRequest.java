package io.deskgraph.connector.huawei.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * The body of ListUsedDesktopInfo ({@code POST
 * /v2/{project_id}/desktops/statistics/used}).
 *
 * @param desktopIds only these desktops (at most 2000; left out when empty)
 * @param startTime the first day, {@code yyyy-MM-dd} (UTC)
 * @param endTime the last day, {@code yyyy-MM-dd} (UTC), at most 31 days after the first
 * @param groupByType {@code DAY} or {@code HOUR}
 * @param desktopUsername only this user's time
 * @param offset first result
 * @param limit page size, at most 100
 * @author DeskGraph
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UsedDesktopInfoRequest(@JsonProperty("desktop_ids") List<String> desktopIds,
		@JsonProperty("start_time") String startTime, @JsonProperty("end_time") String endTime,
		@JsonProperty("group_by_type") String groupByType,
		@JsonProperty("desktop_username") @Nullable String desktopUsername,
		@JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("offset") int offset, @JsonProperty("limit") int limit) {

}
