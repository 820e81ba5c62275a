package io.deskgraph.usage;

/**
 * A cloud-desktop vendor DeskGraph can talk to.
 *
 * @author DeskGraph
 */
public enum Vendor {

	/** Huawei Cloud Workspace. */
	HUAWEI("Huawei"),

	/** Alibaba Cloud Elastic Desktop Service (WUYING). */
	ALIBABA("Alibaba");

	private final String displayName;

	Vendor(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * The vendor's name as messages write it.
	 * @return for example {@code Huawei}
	 */
	public String displayName() {
		return this.displayName;
	}

}
