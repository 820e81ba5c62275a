package io.deskgraph.simulator.huawei;

import java.time.Clock;

import io.deskgraph.simulator.ConditionalOnSimulators;
import io.deskgraph.simulator.EmbeddedSimulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded Huawei Cloud Workspace simulator: an HTTP server on its own port that
 * answers the Workspace statistics API at the vendor's paths over a synthetic estate.
 * <p>
 * The server binds when the application context starts, or earlier on the first call of
 * {@link #port()} or {@link #baseUrl()}, and closes when the context stops.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnSimulators
@ConditionalOnProperty(prefix = "deskgraph.simulator.huawei", name = "enabled", matchIfMissing = true)
public class HuaweiSimulator extends EmbeddedSimulator {

	private final HuaweiSimulatorProperties properties;

	private final HuaweiEstate estate;

	/**
	 * Creates the simulator from the application's settings.
	 * @param properties the simulator settings
	 * @param clock the application's clock, if it defines one (otherwise UTC system time)
	 */
	@Autowired
	public HuaweiSimulator(HuaweiSimulatorProperties properties, ObjectProvider<Clock> clock) {
		this(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Creates the simulator; nothing is bound before {@link #start()} or {@link #port()}.
	 * @param properties the Huawei simulator settings
	 * @param clock the simulator clock: signature time window, aggregation, export tasks
	 * and the estate's notion of today
	 */
	public HuaweiSimulator(HuaweiSimulatorProperties properties, Clock clock) {
		this(properties, new HuaweiEstate(properties.seed(), properties.desktops(), clock, properties.dayZone(),
				properties.aggregationHour()));
	}

	private HuaweiSimulator(HuaweiSimulatorProperties properties, HuaweiEstate estate) {
		super("Huawei Workspace simulator", "huawei", properties.host(), properties.port(), properties.timeoutHold(),
				estate.clock(), HuaweiOperation.operationNames(),
				(quotas, stats) -> new HuaweiWorkspaceApi(properties, estate, quotas, stats));
		this.properties = properties;
		this.estate = estate;
	}

	/**
	 * Returns the synthetic estate the simulator serves.
	 * @return the estate
	 */
	public HuaweiEstate estate() {
		return this.estate;
	}

	/**
	 * Returns the settings the simulator runs with.
	 * @return the settings
	 */
	public HuaweiSimulatorProperties properties() {
		return this.properties;
	}

	@Override
	protected String description() {
		String project = this.properties.projectId();
		return "project " + project.substring(0, Math.min(4, project.length())) + "…, " + this.estate.desktops().size()
				+ " desktops";
	}

}
