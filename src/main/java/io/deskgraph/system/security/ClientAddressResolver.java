package io.deskgraph.system.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.lang.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the address of the client behind a request: the connection's remote address,
 * unless that is a trusted proxy, in which case the first untrusted address of
 * {@code X-Forwarded-For} or {@code Forwarded: for=}, read from the right.
 *
 * @author DeskGraph
 */
final class ClientAddressResolver {

	/** The de-facto standard header proxies append the address they received from to. */
	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	/** The RFC 7239 header proxies append a {@code for=} element to. */
	static final String FORWARDED = "Forwarded";

	/** The address of a request whose connection has none, as for some test exchanges. */
	static final String UNKNOWN = "unknown";

	private static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".address";

	private final List<IpRange> trustedProxies;

	/**
	 * Creates a resolver.
	 * @param trustedProxies the addresses and CIDR ranges of the proxies whose forwarding
	 * headers are believed; empty believes none
	 * @throws IllegalArgumentException naming the entry that is not an address or range
	 */
	ClientAddressResolver(List<String> trustedProxies) {
		List<IpRange> ranges = new ArrayList<>();
		for (int i = 0; i < trustedProxies.size(); i++) {
			try {
				ranges.add(IpRange.parse(trustedProxies.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("deskgraph.security.trusted-proxies[" + i + "]: " + ex.getMessage());
			}
		}
		this.trustedProxies = List.copyOf(ranges);
	}

	/**
	 * The trusted proxy ranges, for the start-up log.
	 * @return the ranges as configured
	 */
	List<String> trustedProxies() {
		return this.trustedProxies.stream().map(IpRange::toString).toList();
	}

	/**
	 * The client address of an exchange, resolved once and kept in its attributes.
	 * @param exchange the exchange
	 * @return the address in its canonical text form, or {@link #UNKNOWN}
	 */
	String addressOf(ServerWebExchange exchange) {
		return (String) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, (key) -> {
			InetAddress address = resolve(exchange.getRequest());
			return (address != null) ? address.getHostAddress() : UNKNOWN;
		});
	}

	/**
	 * The network a client address is counted in by a limit that changing address must
	 * not escape: an IPv4 address itself, but the /64 of an IPv6 address, since one IPv6
	 * host usually has a whole /64 to pick addresses from.
	 * @param address a client address as {@link #addressOf} gives it
	 * @return the address, or its /64 as {@code <prefix>/64}
	 */
	static String networkOf(String address) {
		if (!(IpRange.parseAddress(address) instanceof Inet6Address ipv6)) {
			return address;
		}
		byte[] prefix = Arrays.copyOf(ipv6.getAddress(), 16);
		Arrays.fill(prefix, 8, 16, (byte) 0);
		try {
			return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/**
	 * The client address of a request.
	 * @param request the request
	 * @return the address, or {@code null} when the connection has no remote address
	 */
	@Nullable
	InetAddress resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		// Only a trusted proxy's headers are read: anyone else could name any address.
		if (peer == null || !isTrusted(peer)) {
			return peer;
		}
		HttpHeaders headers = request.getHeaders();
		List<String> forwardedFor = headers.get(X_FORWARDED_FOR);
		List<String> forwarded = headers.get(FORWARDED);
		InetAddress viaForwardedFor = (forwardedFor != null) ? walk(peer, forwardedForNodes(forwardedFor)) : peer;
		InetAddress viaForwarded = (forwarded != null) ? walk(peer, forwardedNodes(forwarded)) : peer;
		if (forwardedFor == null || forwarded == null) {
			return (forwardedFor != null) ? viaForwardedFor : viaForwarded;
		}
		// A proxy keeps one of the headers and passes the other on as the client sent it,
		// and nothing tells which: two answers that disagree are believed neither.
		return viaForwardedFor.equals(viaForwarded) ? viaForwardedFor : peer;
	}

	private boolean isTrusted(InetAddress address) {
		for (IpRange range : this.trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Walks the hops from the right, past trusted proxies, to the first untrusted one.
	 * @param peer the remote address, a trusted proxy
	 * @param nodes the hops as written, left to right, or {@code null} if the header
	 * could not be read
	 * @return the client, or the peer when a hop that a trusted proxy wrote is no address
	 */
	private InetAddress walk(InetAddress peer, @Nullable List<String> nodes) {
		if (nodes == null) {
			return peer;
		}
		InetAddress client = peer;
		// Hops left of the first untrusted one are whatever the client sent: never read.
		for (int i = nodes.size() - 1; i >= 0 && isTrusted(client); i--) {
			InetAddress hop = parseNode(nodes.get(i));
			if (hop == null) {
				return peer;
			}
			client = hop;
		}
		return client;
	}

	private static List<String> forwardedForNodes(List<String> values) {
		List<String> nodes = new ArrayList<>();
		for (String value : values) {
			for (String node : value.split(",", -1)) {
				nodes.add(node.trim());
			}
		}
		return nodes;
	}

	/**
	 * The {@code for=} value of each element of RFC 7239 {@code Forwarded} headers, an
	 * empty string for an element without exactly one.
	 */
	@Nullable
	private static List<String> forwardedNodes(List<String> values) {
		List<String> nodes = new ArrayList<>();
		for (String value : values) {
			List<String> elements = split(value, ',');
			if (elements == null) {
				return null;
			}
			for (String element : elements) {
				List<String> pairs = split(element, ';');
				if (pairs == null) {
					return null;
				}
				String node = null;
				int found = 0;
				for (String pair : pairs) {
					int equals = pair.indexOf('=');
					if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
						node = unquote(pair.substring(equals + 1).trim());
						found++;
					}
				}
				nodes.add((found == 1 && node != null) ? node : "");
			}
		}
		return nodes;
	}

	/**
	 * Splits at a separator outside quoted strings.
	 * @return the parts, or {@code null} if a quoted string is not closed
	 */
	@Nullable
	private static List<String> split(String value, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (quoted && c == '\\' && i + 1 < value.length()) {
				part.append(c).append(value.charAt(++i));
				continue;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == separator && !quoted) {
				parts.add(part.toString());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		if (quoted) {
			return null;
		}
		parts.add(part.toString());
		return parts;
	}

	@Nullable
	private static String unquote(String value) {
		if (!value.startsWith("\"")) {
			return value;
		}
		if (value.length() < 2 || !value.endsWith("\"")) {
			return null;
		}
		StringBuilder unquoted = new StringBuilder();
		for (int i = 1; i < value.length() - 1; i++) {
			char c = value.charAt(i);
			unquoted.append((c == '\\' && i + 1 < value.length() - 1) ? value.charAt(++i) : c);
		}
		return unquoted.toString();
	}

	/**
	 * Reads one hop: an IPv4 address with an optional port, or an IPv6 address, bracketed
	 * with an optional port or bare; {@code unknown}, obfuscated identifiers and host
	 * names are no address.
	 */
	@Nullable
	static InetAddress parseNode(String node) {
		String host = node.trim();
		if (host.startsWith("[")) {
			int close = host.indexOf(']');
			if (close < 0 || !isPortOrNothing(host.substring(close + 1))) {
				return null;
			}
			String inner = host.substring(1, close);
			return (inner.indexOf(':') >= 0) ? IpRange.parseAddress(inner) : null;
		}
		int colon = host.indexOf(':');
		if (colon >= 0 && colon == host.lastIndexOf(':')) {
			if (!isPortOrNothing(host.substring(colon))) {
				return null;
			}
			InetAddress address = IpRange.parseAddress(host.substring(0, colon));
			return (address instanceof Inet4Address) ? address : null;
		}
		return IpRange.parseAddress(host);
	}

	private static boolean isPortOrNothing(String text) {
		return text.isEmpty() || text.matches(":\\d{1,5}");
	}

}
