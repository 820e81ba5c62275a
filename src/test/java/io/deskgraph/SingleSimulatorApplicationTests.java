package io.deskgraph;

import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that one vendor's simulator can run alone, as each simulator service of
 * {@code docker-compose.yml} runs it.
 *
 * @author DeskGraph
 */
@SpringBootTest(properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.enabled=false",
		"spring.main.keep-alive=false" })
@ActiveProfiles("simulator")
class SingleSimulatorApplicationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsOnlyTheHuaweiSimulator() {
		assertThat(this.context.getBeansOfType(HuaweiSimulator.class)).hasSize(1);
		assertThat(this.context.getBean(HuaweiSimulator.class).isRunning()).isTrue();
		assertThat(this.context.getBeansOfType(AlibabaSimulator.class)).isEmpty();
	}

}
