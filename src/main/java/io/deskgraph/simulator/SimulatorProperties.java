package io.deskgraph.simulator;

import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Settings of the embedded vendor simulators ({@code deskgraph.simulator.*}).
 *
 * @param enabled whether the simulators run: {@code true} always, {@code false} never,
 * unset (the default) only when no {@code deskgraph.accounts} are configured (demo mode)
 * @param huawei the Huawei Cloud Workspace simulator
 * @param alibaba the Alibaba Cloud ECD simulator
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.simulator")
public record SimulatorProperties(@Nullable Boolean enabled,
		@DefaultValue @NestedConfigurationProperty HuaweiSimulatorProperties huawei,
		@DefaultValue @NestedConfigurationProperty AlibabaSimulatorProperties alibaba) {

}
