package io.deskgraph.usage;

/**
 * States of a vendor export task.
 *
 * @author DeskGraph
 */
public enum ExportStatus {

	CREATING, SUCCESS, FAIL, EXPIRED,

	/**
	 * A state the vendor reported that DeskGraph does not know (or none at all); the raw
	 * value is in {@link ExportTask#vendorStatus()}. Not {@link #CREATING}: a poller
	 * waiting for {@link #SUCCESS} must not wait forever on a state that may be final.
	 */
	UNKNOWN

}
