package io.deskgraph.usage;

/**
 * A cloud-desktop vendor DeskGraph can talk to.
 *
 * @author DeskGraph
 */
public enum Vendor {

	HUAWEI, ALIBABA

}
