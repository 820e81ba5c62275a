package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * Desktop counts of one desktop pool.
 *
 * @param accountId the account owning the pool
 * @param poolId the vendor's pool id
 * @param name the pool name
 * @param total desktops in the pool
 * @param attach counts by assignment state
 * @param run counts by run state
 * @param login counts by login state
 * @author DeskGraph
 */
public record PoolStatus(String accountId, String poolId, @Nullable String name, int total,
		@Nullable AttachCounts attach, @Nullable RunCounts run, @Nullable LoginCounts login) {

}
