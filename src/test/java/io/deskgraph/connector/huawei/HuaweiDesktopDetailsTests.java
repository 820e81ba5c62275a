package io.deskgraph.connector.huawei;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.huawei.payload.DesktopsDetailResponse;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiDesktopDetails}: how Huawei's desktop detail listing reads and
 * how its status and charge mode normalize.
 *
 * @author DeskGraph
 */
class HuaweiDesktopDetailsTests {

	@Test
	void statusNormalizesToRunningStoppedHibernatedOrError() {
		assertThat(HuaweiDesktopDetails.state("ACTIVE")).isEqualTo(DesktopState.ACTIVE);
		// On its way to running counts as running.
		assertThat(HuaweiDesktopDetails.state("BUILD")).isEqualTo(DesktopState.ACTIVE);
		assertThat(HuaweiDesktopDetails.state("REBOOT")).isEqualTo(DesktopState.ACTIVE);
		assertThat(HuaweiDesktopDetails.state("SHUTOFF")).isEqualTo(DesktopState.STOPPED);
		assertThat(HuaweiDesktopDetails.state("HIBERNATED")).isEqualTo(DesktopState.HIBERNATED);
		assertThat(HuaweiDesktopDetails.state("ERROR")).isEqualTo(DesktopState.ERROR);
		assertThat(HuaweiDesktopDetails.state("DELETED")).isEqualTo(DesktopState.ERROR);
		assertThat(HuaweiDesktopDetails.state("SOMETHING_NEW")).isEqualTo(DesktopState.ERROR);
		assertThat(HuaweiDesktopDetails.state(null)).isNull();
	}

	@Test
	void chargeModeZeroIsSubscriptionAndOneIsPayAsYouGo() {
		assertThat(HuaweiDesktopDetails.billingMode("0")).isEqualTo(BillingMode.SUBSCRIPTION);
		assertThat(HuaweiDesktopDetails.billingMode("1")).isEqualTo(BillingMode.PAY_AS_YOU_GO);
		assertThat(HuaweiDesktopDetails.billingMode("7")).isEqualTo(BillingMode.OTHER);
		assertThat(HuaweiDesktopDetails.billingMode("")).isNull();
		assertThat(HuaweiDesktopDetails.billingMode(null)).isNull();
	}

	@Test
	void aListingShapedLikeTheVendorsExampleReadsIntoDesktops() throws Exception {
		// The shape of the API definition's example: maps, lists and fields DeskGraph
		// does not read, charge_mode a string, an unknown status.
		String json = """
				{"desktops": [
				  {"desktop_id": "d-1", "computer_name": "FIN-01", "status": "ACTIVE",
				   "availability_zone": "cn-north-4a", "addresses": {"net": [{"addr": "10.0.0.5", "version": "4"}]},
				   "metadata": {"charging_mode": "0", "os_type": "Linux"}, "flavor": {"id": "s6.large.2", "links": []},
				   "order_id": "CS2201211457G0PUY",
				   "product": {"product_id": "p-1", "flavor_id": "s6.large.2", "charge_mode": "0", "cpu": "2"}},
				  {"desktop_id": "d-2", "computer_name": "FIN-02", "status": "SHUTOFF",
				   "product": {"charge_mode": "1"}},
				  {"desktop_id": "d-3", "status": "MIGRATING_SOMEWHERE"}
				], "total_count": 3}""";
		DesktopsDetailResponse response = new ObjectMapper().readValue(json, DesktopsDetailResponse.class);
		Account account = new Account("hw", Vendor.HUAWEI, "cn-north-4", null);
		List<Desktop> desktops = response.desktops()
			.stream()
			.map((detail) -> HuaweiDesktopDetails.desktop(account, detail))
			.toList();
		assertThat(response.totalCount()).isEqualTo(3);
		assertThat(desktops.get(0)).isEqualTo(Desktop.of(Vendor.HUAWEI, "hw", "d-1", "FIN-01")
			.inRegion("cn-north-4")
			.withState(DesktopState.ACTIVE, "ACTIVE")
			.billed(BillingMode.SUBSCRIPTION, "0")
			.withSpec("p-1"));
		// A product without its id: billing, but no spec.
		assertThat(desktops.get(1)).isEqualTo(Desktop.of(Vendor.HUAWEI, "hw", "d-2", "FIN-02")
			.inRegion("cn-north-4")
			.withState(DesktopState.STOPPED, "SHUTOFF")
			.billed(BillingMode.PAY_AS_YOU_GO, "1"));
		// No product: no billing; a status DeskGraph does not know is an error, kept raw.
		assertThat(desktops.get(2)).isEqualTo(Desktop.of(Vendor.HUAWEI, "hw", "d-3", null)
			.inRegion("cn-north-4")
			.withState(DesktopState.ERROR, "MIGRATING_SOMEWHERE"));
	}

}
