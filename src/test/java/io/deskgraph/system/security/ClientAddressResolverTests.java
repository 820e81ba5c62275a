package io.deskgraph.system.security;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClientAddressResolver}.
 *
 * @author DeskGraph
 */
class ClientAddressResolverTests {

	private static final String XFF = ClientAddressResolver.X_FORWARDED_FOR;

	private static final String FORWARDED = ClientAddressResolver.FORWARDED;

	private final ClientAddressResolver resolver = new ClientAddressResolver(
			List.of("10.0.0.0/8", "192.0.2.10", "2001:db8:1::/48"));

	@Test
	void withoutTrustedProxiesTheRemoteAddressIsTheClientWhateverTheHeadersSay() {
		ClientAddressResolver trustsNone = new ClientAddressResolver(List.of());
		MockServerHttpRequest.BaseBuilder<?> request = from("10.0.0.1").header(XFF, "198.51.100.7")
			.header(FORWARDED, "for=198.51.100.7");
		assertThat(address(trustsNone, request)).isEqualTo("10.0.0.1");
	}

	@Test
	void headersFromAnUntrustedPeerAreIgnored() {
		assertThat(address(from("203.0.113.9").header(XFF, "198.51.100.7"))).isEqualTo("203.0.113.9");
		assertThat(address(from("203.0.113.9").header(FORWARDED, "for=198.51.100.7"))).isEqualTo("203.0.113.9");
		// Naming a trusted proxy does not make the client one.
		assertThat(address(from("203.0.113.9").header(XFF, "10.0.0.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void trustedProxyWithoutHeadersIsTheClient() {
		assertThat(address(from("10.0.0.1"))).isEqualTo("10.0.0.1");
	}

	@Test
	void trustedProxyForwardsItsClient() {
		assertThat(address(from("10.0.0.1").header(XFF, "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address(from("192.0.2.10").header(XFF, " 198.51.100.7 "))).isEqualTo("198.51.100.7");
	}

	@Test
	void addressesTheClientPrependsAreNeverRead() {
		// The client sent "X-Forwarded-For: 1.1.1.1, 10.0.0.5"; its proxy appended it.
		assertThat(address(from("10.0.0.1").header(XFF, "1.1.1.1, 10.0.0.5, 198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(XFF, "garbage, not-an-ip, 198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=1.1.1.1, for=unknown, for=198.51.100.7")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void trustedHopsAreSkippedFromTheRight() {
		assertThat(address(from("10.0.0.1").header(XFF, "203.0.113.5, 198.51.100.7, 10.0.0.5, 192.0.2.10")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void headerLinesAreReadInOrderAsOneList() {
		assertThat(address(from("10.0.0.1").header(XFF, "203.0.113.5").header(XFF, "198.51.100.7, 10.0.0.5")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
		assertThat(address(from("10.0.0.1").header(XFF, "10.0.0.7, 10.0.0.6"))).isEqualTo("10.0.0.7");
	}

	@Test
	void malformedHopWrittenByATrustedProxyFallsBackToTheRemoteAddress() {
		for (String value : new String[] { "", " ", "garbage", "198.51.100.7, garbage", "198.51.100.7,",
				"198.51.100.7,,10.0.0.5", "localhost", "example.com", "256.0.0.1", "198.51.100.7:", "198.51.100.7:port",
				"198.51.100.7:123456", "[198.51.100.7]", "[2001:db8::7", "fe80::1%eth0", "unknown", "_hidden",
				"1.2.3.4.5", "0x7f000001", "198.51.100.7 10.0.0.5" }) {
			assertThat(address(from("10.0.0.1").header(XFF, value))).as(value).isEqualTo("10.0.0.1");
		}
	}

	@Test
	void portsAreDropped() {
		assertThat(address(from("10.0.0.1").header(XFF, "198.51.100.7:5555"))).isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(XFF, "[2001:db8:ffff::7]:5555")))
			.isEqualTo("2001:db8:ffff:0:0:0:0:7");
	}

	@Test
	void ipv6ClientsAndProxies() {
		assertThat(address(from("2001:db8:1::5").header(XFF, "2001:db8:ffff::7"))).isEqualTo("2001:db8:ffff:0:0:0:0:7");
		assertThat(address(from("2001:db8:1::5").header(XFF, "2001:DB8:FFFF:0::7, 2001:db8:1:2::1")))
			.isEqualTo("2001:db8:ffff:0:0:0:0:7");
		// An IPv4 client behind an IPv6 proxy, and an IPv4-mapped address.
		assertThat(address(from("2001:db8:1::5").header(XFF, "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(XFF, "::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
		// An untrusted IPv6 peer's headers are ignored.
		assertThat(address(from("2001:db8:2::5").header(XFF, "198.51.100.7"))).isEqualTo("2001:db8:2:0:0:0:0:5");
	}

	@Test
	void forwardedForIsReadFromTheRight() {
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=198.51.100.7;proto=https;by=10.0.0.5")))
			.isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=203.0.113.5, For=198.51.100.7, for=10.0.0.5")))
			.isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=203.0.113.5").header(FORWARDED, "for=198.51.100.7")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedForTakesQuotedValuesPortsAndIpv6() {
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=\"198.51.100.7:4711\""))).isEqualTo("198.51.100.7");
		assertThat(address(from("10.0.0.1").header(FORWARDED, "for=\"[2001:db8:ffff::7]:4711\";proto=http")))
			.isEqualTo("2001:db8:ffff:0:0:0:0:7");
		assertThat(address(from("10.0.0.1").header(FORWARDED, "proto=https;by=\"a,b;c\";for=198.51.100.7")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void malformedForwardedFallsBackToTheRemoteAddress() {
		for (String value : new String[] { "", "for=", "proto=https", "for=unknown", "for=_hidden",
				"for=\"198.51.100.7", "for=198.51.100.7;for=203.0.113.5", "by=10.0.0.5, for=198.51.100.7;by=\"x",
				"for=\"_gazonk\"", "for=example.com", "198.51.100.7", "for=198.51.100.7, proto=https" }) {
			assertThat(address(from("10.0.0.1").header(FORWARDED, value))).as(value).isEqualTo("10.0.0.1");
		}
	}

	@Test
	void bothHeadersAreBelievedOnlyWhenTheyAgree() {
		assertThat(address(from("10.0.0.1").header(XFF, "198.51.100.7").header(FORWARDED, "for=198.51.100.7")))
			.isEqualTo("198.51.100.7");
		// A proxy that keeps one header passes the other on from the client.
		assertThat(address(from("10.0.0.1").header(XFF, "198.51.100.7").header(FORWARDED, "for=203.0.113.66")))
			.isEqualTo("10.0.0.1");
		assertThat(address(from("10.0.0.1").header(XFF, "203.0.113.66").header(FORWARDED, "for=198.51.100.7")))
			.isEqualTo("10.0.0.1");
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64AndAnIpv4ClientByItsAddress() {
		assertThat(ClientAddressResolver.networkOf("2001:db8:ffff:1:aaaa:bbbb:cccc:dddd"))
			.isEqualTo("2001:db8:ffff:1:0:0:0:0/64");
		assertThat(ClientAddressResolver.networkOf("2001:db8:ffff:1:0:0:0:7")).isEqualTo("2001:db8:ffff:1:0:0:0:0/64");
		assertThat(ClientAddressResolver.networkOf("198.51.100.7")).isEqualTo("198.51.100.7");
		assertThat(ClientAddressResolver.networkOf(ClientAddressResolver.UNKNOWN))
			.isEqualTo(ClientAddressResolver.UNKNOWN);
	}

	@Test
	void requestWithoutRemoteAddressIsUnknown() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/graphql").header(XFF, "198.51.100.7"));
		assertThat(this.resolver.addressOf(exchange)).isEqualTo(ClientAddressResolver.UNKNOWN);
	}

	@Test
	void invalidTrustedProxyFailsStartUpNamingTheEntry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/8", "proxy.example.com")))
			.withMessageStartingWith("deskgraph.security.trusted-proxies[1]: 'proxy.example.com'");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/40")))
			.withMessageStartingWith("deskgraph.security.trusted-proxies[0]");
	}

	private String address(MockServerHttpRequest.BaseBuilder<?> request) {
		return address(this.resolver, request);
	}

	private static String address(ClientAddressResolver resolver, MockServerHttpRequest.BaseBuilder<?> request) {
		return resolver.addressOf(MockServerWebExchange.from(request));
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String remoteAddress) {
		return MockServerHttpRequest.get("/graphql")
			.remoteAddress(new InetSocketAddress(IpRange.parseAddress(remoteAddress), 40000));
	}

}
