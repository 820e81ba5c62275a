package io.deskgraph.connector.alibaba.payload;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

import org.springframework.lang.Nullable;

/**
 * How an Alibaba desktop is billed, normalized from the vendor's inconsistent spellings
 * ({@code PrePaid}, {@code PRE_PAID}, {@code prepaid} all read as {@link #PRE_PAID}).
 *
 * @author DeskGraph
 */
public enum ChargeType {

	/** Subscription. */
	PRE_PAID,

	/** Pay-as-you-go. */
	POST_PAID,

	/** Monthly package. */
	MONTH_PACKAGE,

	/** Duration package. */
	DURATION,

	/** Absent, or a value this version does not know. */
	UNKNOWN;

	/**
	 * Reads a vendor value in any casing, with or without underscores, hyphens or spaces.
	 * @param value the vendor's text, or {@code null}
	 * @return the charge type; {@link #UNKNOWN} when absent or not recognized
	 */
	@JsonCreator
	public static ChargeType of(@Nullable String value) {
		if (value == null) {
			return UNKNOWN;
		}
		String key = value.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
		return switch (key) {
			case "PREPAID" -> PRE_PAID;
			case "POSTPAID" -> POST_PAID;
			case "MONTHPACKAGE" -> MONTH_PACKAGE;
			case "DURATION", "DURATIONPACKAGE" -> DURATION;
			default -> UNKNOWN;
		};
	}

}
