package io.deskgraph.graphql;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.RunCounts;

import org.springframework.lang.Nullable;

/**
 * Desktop counts of one account in a status report.
 *
 * @param account the account
 * @param total number of desktops
 * @param attach counts by assignment state
 * @param run counts by run state
 * @param login counts by login state
 * @author DeskGraph
 */
public record AccountStatus(Account account, int total, @Nullable AttachCounts attach, @Nullable RunCounts run,
		@Nullable LoginCounts login) {

}
