package io.deskgraph.usage;

/**
 * How a vendor bills a desktop, normalized across vendors; the vendor's own value is kept
 * next to it ({@link Desktop#vendorBillingMode()}).
 *
 * @author DeskGraph
 */
public enum BillingMode {

	/** Paid in advance for a period (Alibaba PrePaid, Huawei yearly/monthly). */
	SUBSCRIPTION,

	/** Paid by the hour of use (Alibaba PostPaid, Huawei on-demand). */
	PAY_AS_YOU_GO,

	/** A monthly package of hours (Alibaba MONTH_PACKAGE). */
	MONTHLY_PACKAGE,

	/** A package of hours used over time (Alibaba DURATION). */
	DURATION_PACKAGE,

	/** A value this version does not know; the vendor's value says what it is. */
	OTHER

}
