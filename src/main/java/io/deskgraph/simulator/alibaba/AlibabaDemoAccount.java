package io.deskgraph.simulator.alibaba;

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
 * Supplies the demo account {@code alibaba-demo}, pointing at the embedded Alibaba
 * simulator with its demo credentials and covering every region of its estate, after the
 * Huawei demo account.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnSimulators
@ConditionalOnProperty(prefix = "deskgraph.simulator.alibaba", name = "enabled", matchIfMissing = true)
@Order(2)
class AlibabaDemoAccount implements DemoAccounts {

	/** Id of the demo account. */
	static final String ID = "alibaba-demo";

	/** Region of the demo account, whose endpoint is called; it covers every region. */
	static final String REGION = "cn-shanghai";

	private final AlibabaSimulator simulator;

	AlibabaDemoAccount(AlibabaSimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public List<AccountProperties> accounts() {
		AlibabaSimulatorProperties properties = this.simulator.properties();
		return List.of(new AccountProperties(ID, Vendor.ALIBABA, REGION, "Alibaba demo (simulator)",
				URI.create(this.simulator.baseUrl()), null, properties.accessKeyId(), properties.accessKeySecret(),
				properties.securityToken(), null, null, this.simulator.estate().regions(), properties.dayZone(),
				properties.aggregationHour(), null));
	}

}
