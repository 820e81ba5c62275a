package io.deskgraph.cost;

/**
 * What cost advice recommends for one desktop.
 *
 * @author DeskGraph
 */
public enum Recommendation {

	/** Keep the desktop as it is billed. */
	KEEP,

	/** A subscription desktop used less than its break-even hours: pay by the hour. */
	SWITCH_TO_PAY_AS_YOU_GO,

	/** A pay-as-you-go desktop used more than its break-even hours: subscribe. */
	SWITCH_TO_SUBSCRIPTION,

	/** No usage in the range: remove the desktop, saving what it costs while unused. */
	REMOVE_IDLE,

	/** The catalogue has no price for the desktop's spec; nothing is said of money. */
	UNPRICED

}
