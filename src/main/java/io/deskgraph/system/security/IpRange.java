package io.deskgraph.system.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * An IPv4 or IPv6 address range in CIDR notation, or a single address, read from IP
 * literals only so that no text, configured or sent by a client, ever causes a DNS
 * lookup.
 *
 * @author DeskGraph
 */
final class IpRange {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	/** The longest IPv6 text form, {@code ffff:...:ffff:255.255.255.255}. */
	private static final int MAX_LITERAL_LENGTH = 45;

	private final byte[] network;

	private final int prefixLength;

	private final String text;

	private IpRange(byte[] network, int prefixLength, String text) {
		this.network = network;
		this.prefixLength = prefixLength;
		this.text = text;
	}

	/**
	 * Reads a range such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single
	 * address.
	 * @param text the range
	 * @return the range
	 * @throws IllegalArgumentException if the text is not an IP address or CIDR range
	 */
	static IpRange parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		InetAddress address = parseAddress((slash >= 0) ? trimmed.substring(0, slash) : trimmed);
		if (address == null) {
			throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
		}
		byte[] network = address.getAddress();
		int bits = network.length * 8;
		int prefixLength = bits;
		if (slash >= 0) {
			String prefix = trimmed.substring(slash + 1);
			if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
				throw new IllegalArgumentException(
						"'" + text + "' has an invalid prefix length (0 to " + bits + " for this address)");
			}
			prefixLength = Integer.parseInt(prefix);
		}
		return new IpRange(network, prefixLength, trimmed);
	}

	/**
	 * Reads an IPv4 address in dotted-quad form or an IPv6 address; anything else, host
	 * names included, is not an address.
	 * @param text the text
	 * @return the address, or {@code null} if the text is not an IP literal
	 */
	@Nullable
	static InetAddress parseAddress(String text) {
		if (text.isEmpty() || text.length() > MAX_LITERAL_LENGTH) {
			return null;
		}
		Matcher ipv4 = IPV4.matcher(text);
		if (ipv4.matches()) {
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				String part = ipv4.group(i + 1);
				int value = Integer.parseInt(part);
				// Leading zeros are read as octal by some parsers: refuse the ambiguity.
				if (value > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
					return null;
				}
				bytes[i] = (byte) value;
			}
			return byAddress(bytes);
		}
		// A text with a colon that starts with a hex digit or a colon is only ever parsed
		// as an IPv6 literal by InetAddress, never looked up; zone ids are refused.
		if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return null;
		}
	}

	@Nullable
	private static InetAddress byAddress(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Whether an address is in this range; an IPv4 address is never in an IPv6 range or
	 * the other way round, except IPv4-mapped IPv6 addresses, which are IPv4 addresses.
	 * @param address the address
	 * @return true if it is in the range
	 */
	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int whole = this.prefixLength / 8;
		for (int i = 0; i < whole; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (bytes[whole] & mask) == (this.network[whole] & mask);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
