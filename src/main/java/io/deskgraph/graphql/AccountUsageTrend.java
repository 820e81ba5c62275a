package io.deskgraph.graphql;

import java.util.List;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;

/**
 * Usage per day of one account in a usage trend.
 *
 * @param account the account
 * @param total usage in the window, the sum of the points
 * @param points usage per day of the account's day zone, every day up to its today, zero
 * included
 * @author DeskGraph
 */
public record AccountUsageTrend(Account account, UsageDuration total, List<UsagePoint> points) {

}
