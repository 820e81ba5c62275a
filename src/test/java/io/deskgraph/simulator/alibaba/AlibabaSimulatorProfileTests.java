package io.deskgraph.simulator.alibaba;

import java.net.http.HttpResponse;
import java.util.Map;

import io.deskgraph.simulator.SimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaSimulator} in the simulator-only {@code simulator} profile.
 *
 * @author DeskGraph
 */
@SpringBootTest(classes = AlibabaSimulatorProfileTests.SimulatorsOnly.class,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.accounts[0].id=ignored-in-simulator-mode" })
@ActiveProfiles("simulator")
class AlibabaSimulatorProfileTests {

	@Autowired
	private AlibabaSimulator alibaba;

	@Autowired
	private HuaweiSimulator huawei;

	@Test
	void profileRunsBothSimulatorsOnAllInterfaces() throws Exception {
		assertThat(this.huawei.isRunning()).isTrue();
		assertThat(this.alibaba.isRunning()).isTrue();
		assertThat(this.alibaba.properties().host()).isEqualTo("0.0.0.0");
		HttpResponse<String> response = AlibabaSimulatorTestSupport.send(AlibabaSimulatorTestSupport.v2Request(
				this.alibaba, "POST", "DescribeDesktops", Map.of("RegionId", "cn-beijing"),
				AlibabaSimulatorTestSupport.now(), AlibabaSimulatorTestSupport.nonce()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"TotalCount\":" + this.alibaba.estate().desktops("cn-beijing").size());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SimulatorProperties.class, HuaweiSimulatorProperties.class,
			AlibabaSimulatorProperties.class })
	@Import({ HuaweiSimulator.class, AlibabaSimulator.class })
	static class SimulatorsOnly {

	}

}
