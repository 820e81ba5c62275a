package io.deskgraph.graphql;

import java.util.List;

import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.PoolStatus;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;

import org.springframework.lang.Nullable;

/**
 * Desktop counts summed over accounts, with per-account and per-pool breakdowns.
 *
 * @param total number of desktops
 * @param attach counts by assignment state
 * @param run counts by run state
 * @param login counts by login state
 * @param pools counts per pool
 * @param byAccount counts per account
 * @param sources how each account contributed
 * @author DeskGraph
 */
public record DesktopStatusReport(int total, @Nullable AttachCounts attach, @Nullable RunCounts run,
		@Nullable LoginCounts login, List<PoolStatus> pools, List<AccountStatus> byAccount,
		List<SourceStatus> sources) implements SourcedResult {

}
