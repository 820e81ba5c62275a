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

	/**
	 * The slice of a whole list from an offset: at most {@code count} items, with the
	 * list's size as the total; an offset past the end gives no items.
	 * @param <T> the item type
	 * @param all every result, in order
	 * @param offset the first result wanted
	 * @param count how many results are wanted
	 * @return the slice
	 */
	public static <T> Slice<T> of(List<T> all, long offset, int count) {
		int from = (int) Math.min(Math.max(offset, 0), all.size());
		int to = (int) Math.min((long) from + Math.max(count, 0), all.size());
		return new Slice<>(List.copyOf(all.subList(from, to)), all.size());
	}

}
