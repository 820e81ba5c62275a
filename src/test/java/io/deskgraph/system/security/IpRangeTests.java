package io.deskgraph.system.security;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IpRange}.
 *
 * @author DeskGraph
 */
class IpRangeTests {

	@Test
	void ipv4RangeContainsExactlyItsPrefix() {
		IpRange range = IpRange.parse("172.16.0.0/12");
		assertThat(range.contains(address("172.16.0.0"))).isTrue();
		assertThat(range.contains(address("172.31.255.255"))).isTrue();
		assertThat(range.contains(address("172.32.0.0"))).isFalse();
		assertThat(range.contains(address("172.15.255.255"))).isFalse();
	}

	@Test
	void singleAddressContainsOnlyItself() {
		IpRange range = IpRange.parse(" 10.1.2.3 ");
		assertThat(range.contains(address("10.1.2.3"))).isTrue();
		assertThat(range.contains(address("10.1.2.4"))).isFalse();
	}

	@Test
	void zeroPrefixContainsEveryAddressOfItsFamilyOnly() {
		assertThat(IpRange.parse("0.0.0.0/0").contains(address("203.0.113.1"))).isTrue();
		assertThat(IpRange.parse("0.0.0.0/0").contains(address("2001:db8::1"))).isFalse();
		assertThat(IpRange.parse("::/0").contains(address("2001:db8::1"))).isTrue();
		assertThat(IpRange.parse("::/0").contains(address("203.0.113.1"))).isFalse();
	}

	@Test
	void ipv6RangeContainsExactlyItsPrefix() {
		IpRange range = IpRange.parse("2001:db8:abcd::/47");
		assertThat(range.contains(address("2001:db8:abcd::1"))).isTrue();
		assertThat(range.contains(address("2001:db8:abcd:ffff::1"))).isTrue();
		assertThat(range.contains(address("2001:db8:abcc:ffff::1"))).isTrue();
		assertThat(range.contains(address("2001:db8:abce::1"))).isFalse();
		assertThat(IpRange.parse("::1").contains(address("0:0:0:0:0:0:0:1"))).isTrue();
	}

	@Test
	void ipv4MappedIpv6AddressIsTheIpv4Address() {
		assertThat(IpRange.parseAddress("::ffff:198.51.100.7")).isEqualTo(address("198.51.100.7"));
		assertThat(IpRange.parse("198.51.100.0/24").contains(IpRange.parseAddress("::ffff:198.51.100.7"))).isTrue();
	}

	@Test
	void onlyIpLiteralsAreAddresses() {
		for (String text : new String[] { "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1",
				"010.0.0.1", "1.2.3.4 ", "fe80::1%eth0", "[::1]", ".::1", "::1::2", "unknown", "_hidden", "12345",
				"0x7f.0.0.1", "2001:db8::g" }) {
			assertThat(IpRange.parseAddress(text)).as(text).isNull();
		}
		assertThat(IpRange.parseAddress("0.0.0.0")).isEqualTo(address("0.0.0.0"));
		assertThat(IpRange.parseAddress("2001:DB8::1")).isEqualTo(address("2001:db8::1"));
	}

	@Test
	void invalidRangesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("proxy.example.com"))
			.withMessageContaining("'proxy.example.com' is not an IP address or CIDR range");
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/33"))
			.withMessageContaining("prefix length (0 to 32");
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("2001:db8::/129"))
			.withMessageContaining("0 to 128");
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("/8"));
	}

	private static InetAddress address(String literal) {
		InetAddress address = IpRange.parseAddress(literal);
		assertThat(address).as(literal).isNotNull();
		return address;
	}

}
