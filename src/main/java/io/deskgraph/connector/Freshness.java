package io.deskgraph.connector;

/**
 * How long a vendor answer stays true, which decides how long it is cached.
 *
 * @author DeskGraph
 */
public enum Freshness {

	/**
	 * Usage of days the vendor has aggregated: final after the account's aggregation hour
	 * of the next day in its day zone ({@link AccountDays#ofWindowEnding}).
	 */
	FINAL,

	/** Data that still grows: the current day, windows ending now. */
	RECENT,

	/** State that changes any time: desktop status counts, export tasks. */
	LIVE,

	/**
	 * A desktop inventory: names, end users and connection states of every desktop,
	 * drained page by page and kept longer than status counts, as it costs one call per
	 * hundred desktops.
	 */
	INVENTORY,

	/** Never cached: calls that change something at the vendor. */
	NONE;

}
