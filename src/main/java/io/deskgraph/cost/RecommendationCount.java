package io.deskgraph.cost;

import java.util.List;

/**
 * How many desktops got one recommendation, and what following it saves per currency.
 *
 * @param recommendation the recommendation
 * @param desktops how many desktops got it
 * @param monthlySaving the saving per currency, by currency code; empty when nothing is
 * costed
 * @author DeskGraph
 */
public record RecommendationCount(Recommendation recommendation, int desktops, List<Money> monthlySaving) {

}
