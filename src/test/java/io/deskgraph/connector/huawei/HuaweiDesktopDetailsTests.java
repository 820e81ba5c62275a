package io.deskgraph.connector.huawei;

import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DesktopState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HuaweiDesktopDetails}: how Huawei's desktop status and charge mode
 * normalize.
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

}
