package io.deskgraph.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;

/**
 * Whether the embedded vendor simulators run ({@code deskgraph.simulator.enabled}); each
 * simulator has its own settings under {@code deskgraph.simulator.huawei} and
 * {@code deskgraph.simulator.alibaba}.
 *
 * @param enabled whether the simulators run: {@code true} always, {@code false} never,
 * unset (the default) only when no {@code deskgraph.accounts} are configured (demo mode)
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.simulator")
public record SimulatorProperties(@Nullable Boolean enabled) {

}
