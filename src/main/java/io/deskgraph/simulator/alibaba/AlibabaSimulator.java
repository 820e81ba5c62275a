package io.deskgraph.simulator.alibaba;

import java.time.Clock;

import io.deskgraph.simulator.ConditionalOnSimulators;
import io.deskgraph.simulator.EmbeddedSimulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded Alibaba Cloud ECD simulator: an HTTP server on its own port that answers
 * the ECD RPC API ({@code QueryHistoryUsageDurationRank}, {@code DescribeDesktops}) at
 * {@code /} over a synthetic estate.
 * <p>
 * The server binds when the application context starts, or earlier on the first call of
 * {@link #port()} or {@link #baseUrl()}, and closes when the context stops.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnSimulators
@ConditionalOnProperty(prefix = "deskgraph.simulator.alibaba", name = "enabled", matchIfMissing = true)
public class AlibabaSimulator extends EmbeddedSimulator {

	private final AlibabaSimulatorProperties properties;

	private final AlibabaEstate estate;

	/**
	 * Creates the simulator from the application's settings.
	 * @param properties the simulator settings
	 * @param clock the application's clock, if it defines one (otherwise UTC system time)
	 */
	@Autowired
	public AlibabaSimulator(AlibabaSimulatorProperties properties, ObjectProvider<Clock> clock) {
		this(properties, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Creates the simulator; nothing is bound before {@link #start()} or {@link #port()}.
	 * @param properties the Alibaba simulator settings
	 * @param clock the simulator clock: signature time window, nonce retention, quotas
	 * and the estate's notion of today
	 */
	public AlibabaSimulator(AlibabaSimulatorProperties properties, Clock clock) {
		this(properties, new AlibabaEstate(properties.seed(), properties.desktops(), clock, properties.dayZone()));
	}

	private AlibabaSimulator(AlibabaSimulatorProperties properties, AlibabaEstate estate) {
		super("Alibaba ECD simulator", "alibaba", properties.host(), properties.port(), properties.timeoutHold(),
				estate.clock(), AlibabaOperation.actionNames(),
				(quotas, stats) -> new AlibabaEcdApi(properties, estate, quotas, stats));
		this.properties = properties;
		this.estate = estate;
	}

	/**
	 * Returns the synthetic estate the simulator serves.
	 * @return the estate
	 */
	public AlibabaEstate estate() {
		return this.estate;
	}

	/**
	 * Returns the settings the simulator runs with.
	 * @return the settings
	 */
	public AlibabaSimulatorProperties properties() {
		return this.properties;
	}

	@Override
	protected String description() {
		String accessKeyId = this.properties.accessKeyId();
		return "AccessKey " + accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "…, "
				+ this.estate.desktops().size() + " desktops in " + String.join(", ", this.estate.regions());
	}

}
