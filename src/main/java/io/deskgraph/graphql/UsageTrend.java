package io.deskgraph.graphql;

import java.util.List;

import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;

/**
 * Usage per day summed over the accounts that answered, with the same per account.
 *
 * @param total usage in the window, the sum of the points
 * @param points usage per day, every day of the window, zero included
 * @param byAccount the same for each account that answered, in account order
 * @param sources how each account contributed
 * @author DeskGraph
 */
public record UsageTrend(UsageDuration total, List<UsagePoint> points, List<AccountUsageTrend> byAccount,
		List<SourceStatus> sources) implements SourcedResult {

}
