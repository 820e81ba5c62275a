package io.deskgraph.usage;

/**
 * Desktop kinds, as the vendors distinguish them.
 *
 * @author DeskGraph
 */
public enum DesktopType {

	DEDICATED, POOLED

}
