package io.deskgraph.usage;

import java.util.Locale;

/**
 * A global id naming vendor, account and native id, written
 * {@code vendor:accountId:nativeId} (for example {@code huawei:huawei-demo:6f1c...}).
 *
 * @param vendor the vendor
 * @param accountId the account
 * @param nativeId the vendor's own id
 * @author DeskGraph
 */
public record GlobalId(Vendor vendor, String accountId, String nativeId) {

	/**
	 * Parses a global id.
	 * @param value the id as a client sent it
	 * @param argument the argument it came in, named in the error
	 * @return the parsed id
	 * @throws InvalidArgumentException if the value is not a global id
	 */
	public static GlobalId parse(String value, String argument) {
		String[] parts = value.split(":", 3);
		if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
			throw new InvalidArgumentException(argument, "'" + value
					+ "' is not a DeskGraph id; expected vendor:accountId:nativeId as returned in Desktop.id");
		}
		Vendor vendor;
		try {
			vendor = Vendor.valueOf(parts[0].toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException(argument,
					"'" + value + "' names unknown vendor '" + parts[0] + "'; expected huawei or alibaba");
		}
		return new GlobalId(vendor, parts[1], parts[2]);
	}

	@Override
	public String toString() {
		return this.vendor.name().toLowerCase(Locale.ROOT) + ":" + this.accountId + ":" + this.nativeId;
	}

}
