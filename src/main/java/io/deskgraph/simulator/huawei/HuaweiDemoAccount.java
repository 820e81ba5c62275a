package io.deskgraph.simulator.huawei;

import java.net.URI;
import java.util.List;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.DemoAccounts;
import io.deskgraph.simulator.ConditionalOnSimulators;
import io.deskgraph.usage.Vendor;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Supplies the demo account {@code huawei-demo}, pointing at the embedded Huawei
 * simulator with its demo credentials, before the other vendors' demo accounts.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnSimulators
@ConditionalOnProperty(prefix = "deskgraph.simulator.huawei", name = "enabled", matchIfMissing = true)
@Order(1)
class HuaweiDemoAccount implements DemoAccounts {

	/** Id of the demo account. */
	static final String ID = "huawei-demo";

	/** Region of the demo account. */
	static final String REGION = "cn-north-4";

	private final HuaweiSimulator simulator;

	HuaweiDemoAccount(HuaweiSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public List<AccountProperties> accounts() {
		HuaweiSimulatorProperties properties = this.simulator.properties();
		return List.of(new AccountProperties(ID, Vendor.HUAWEI, REGION, "Huawei demo (simulator)",
				URI.create(this.simulator.baseUrl()), properties.projectId(), properties.accessKey(),
				properties.secretKey(), null, null, null, null, properties.dayZone(), properties.aggregationHour(),
				null));
	}

}
