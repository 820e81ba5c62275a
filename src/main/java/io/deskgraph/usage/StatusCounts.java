package io.deskgraph.usage;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Desktop counts of one account as its connector reports them.
 *
 * @param total number of desktops
 * @param attach counts by assignment state, if reported
 * @param run counts by run state, if reported
 * @param login counts by login state, if reported
 * @param pools counts per pool
 * @author DeskGraph
 */
public record StatusCounts(int total, @Nullable AttachCounts attach, @Nullable RunCounts run,
		@Nullable LoginCounts login, List<PoolStatus> pools) {

}
