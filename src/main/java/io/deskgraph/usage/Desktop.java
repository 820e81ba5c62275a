package io.deskgraph.usage;

import org.springframework.lang.Nullable;

/**
 * A cloud desktop, identified across vendors and accounts by a global id.
 *
 * @param id the global id ({@link GlobalId})
 * @param vendor the vendor
 * @param accountId the account
 * @param nativeId the vendor's desktop id
 * @param name the desktop name, if reported
 * @author DeskGraph
 */
public record Desktop(String id, Vendor vendor, String accountId, String nativeId, @Nullable String name) {

	/**
	 * Creates a desktop and its global id.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param nativeId the vendor's desktop id
	 * @param name the name, if reported
	 * @return the desktop
	 */
	public static Desktop of(Vendor vendor, String accountId, String nativeId, @Nullable String name) {
		return new Desktop(new GlobalId(vendor, accountId, nativeId).toString(), vendor, accountId, nativeId, name);
	}

}
