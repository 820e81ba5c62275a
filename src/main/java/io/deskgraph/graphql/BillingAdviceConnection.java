package io.deskgraph.graphql;

import java.util.List;

import io.deskgraph.cost.BillingAdvice;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;

import org.springframework.lang.Nullable;

/**
 * A page of billing advice: a Relay connection plus what every page of it shares, whether
 * the range was too short to judge and whether the prices are example prices.
 *
 * @param edges the page
 * @param pageInfo paging information
 * @param totalCount desktops across the accounts that answered
 * @param sources how each account contributed
 * @param tooShort whether the range was too short to judge for some selected account
 * @param minRangeDays the shortest range judged
 * @param examplePrices whether the prices are example prices
 * @author DeskGraph
 */
public record BillingAdviceConnection(List<Edge<BillingAdvice>> edges, PageInfo pageInfo, @Nullable Integer totalCount,
		List<SourceStatus> sources, boolean tooShort, int minRangeDays,
		boolean examplePrices) implements SourcedResult {

}
