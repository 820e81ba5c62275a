package io.deskgraph.usage;

import java.util.List;

/**
 * A run of results starting at a requested offset, with the vendor's total.
 *
 * @param <T> the item type
 * @param items the items from the requested offset on, at most the requested count
 * @param totalCount the total number of results the vendor reports
 * @author DeskGraph
 */
public record Slice<T>(List<T> items, long totalCount) {

}
