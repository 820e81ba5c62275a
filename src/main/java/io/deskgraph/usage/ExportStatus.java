package io.deskgraph.usage;

/**
 * States of a vendor export task.
 *
 * @author DeskGraph
 */
public enum ExportStatus {

	CREATING, SUCCESS, FAIL, EXPIRED

}
