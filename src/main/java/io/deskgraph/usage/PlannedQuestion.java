package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * A question as the cost model sees it before execution, so that each connector can say
 * how many vendor calls answering it takes (windows × pages).
 *
 * @param kind what is asked
 * @param range the days asked about, cut at today; {@code null} where no day range
 * applies
 * @param by the ranking dimension, for rankings
 * @param count how many results are wanted of the account, or how many desktops are named
 * by id; {@link #ALL} for every result (a drain of the whole answer, which the connector
 * estimates from the sizes of its earlier answers)
 * @param withPoints whether usage per day or hour is asked for
 * @param byIds whether the desktops are named by id (as {@code Desktop.usage} does)
 * @author DeskGraph
 */
public record PlannedQuestion(Kind kind, @Nullable DateRange range, @Nullable RankDimension by, int count,
		boolean withPoints, boolean byIds) {

	/** The {@code count} of a question that wants every result. */
	public static final int ALL = Integer.MAX_VALUE;

	/**
	 * What a question asks of a vendor.
	 */
	public enum Kind {

		/** Desktop counts by state. */
		STATUS,

		/** Desktops without usage in a window. */
		IDLE,

		/** Usage per desktop and user, optionally per day. */
		USAGE,

		/** Usage of every desktop of the account summed per day. */
		DAILY_USAGE,

		/** Desktops or users by usage. */
		RANKING,

		/** Per-desktop usage metrics. */
		DESKTOP_METRICS,

		/** Per-user usage metrics. */
		USER_METRICS,

		/** Starting a usage export. */
		EXPORT,

		/** Looking up an export task. */
		EXPORT_TASK,

		/**
		 * Desktops named by id, for their names, states and billing ({@code count} ids).
		 */
		DESKTOPS,

		/** Every desktop of the account with its billing mode and spec (for pricing). */
		INVENTORY

	}

}
