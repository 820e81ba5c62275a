package io.deskgraph.simulator.alibaba;

import java.time.Clock;
import java.time.Duration;

import io.deskgraph.simulator.ConditionalOnSimulators;
import io.deskgraph.simulator.FaultInjector;
import io.deskgraph.simulator.QuotaLimiter;
import io.deskgraph.simulator.SimulatorProperties;
import io.deskgraph.simulator.SimulatorServer;
import io.deskgraph.simulator.SimulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
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
public class AlibabaSimulator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AlibabaSimulator.class);

	private final AlibabaSimulatorProperties properties;

	private final AlibabaEstate estate;

	private final FaultInjector faults = new FaultInjector();

	private final SimulatorStats stats = new SimulatorStats(AlibabaOperation.actionNames());

	private final SimulatorServer server;

	/**
	 * Creates the simulator from the application's settings.
	 * @param properties the simulator settings
	 * @param clock the application's clock, if it defines one (otherwise UTC system time)
	 */
	@Autowired
	public AlibabaSimulator(SimulatorProperties properties, ObjectProvider<Clock> clock) {
		this(properties.alibaba(), clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Creates the simulator; nothing is bound before {@link #start()} or {@link #port()}.
	 * @param properties the Alibaba simulator settings
	 * @param clock the simulator clock: signature time window, nonce retention, quotas
	 * and the estate's notion of today
	 */
	public AlibabaSimulator(AlibabaSimulatorProperties properties, Clock clock) {
		this.properties = properties;
		this.estate = new AlibabaEstate(properties.seed(), properties.desktops(), clock);
		QuotaLimiter quotas = new QuotaLimiter(clock, Duration.ofMinutes(1));
		AlibabaEcdApi api = new AlibabaEcdApi(properties, this.estate, quotas, this.stats);
		this.server = new SimulatorServer("alibaba", properties.host(), properties.port(), api, this.faults, this.stats,
				quotas, properties.timeoutHold());
	}

	@Override
	public synchronized void start() {
		if (this.server.isRunning()) {
			return;
		}
		this.server.start();
		String accessKeyId = this.properties.accessKeyId();
		logger.info("Alibaba ECD simulator listening on http://{}:{} (AccessKey {}…, {} desktops in {})",
				this.properties.host(), this.server.port(), accessKeyId.substring(0, Math.min(4, accessKeyId.length())),
				this.estate.desktops().size(), String.join(", ", this.estate.regions()));
	}

	@Override
	public synchronized void stop() {
		if (this.server.isRunning()) {
			this.server.stop();
			logger.info("Alibaba ECD simulator stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Returns the port the simulator listens on, binding it first if needed.
	 * @return the bound port
	 */
	public int port() {
		start();
		return this.server.port();
	}

	/**
	 * Returns the base URL to point an Alibaba client at, binding the server first if
	 * needed.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
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

	/**
	 * Returns the call statistics, as served by {@code GET /_sim/stats}.
	 * @return the statistics
	 */
	public SimulatorStats stats() {
		return this.stats;
	}

	/**
	 * Returns the fault settings, as changed by {@code PUT /_sim/faults}.
	 * @return the fault injector
	 */
	public FaultInjector faults() {
		return this.faults;
	}

}
