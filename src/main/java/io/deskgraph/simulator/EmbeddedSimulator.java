package io.deskgraph.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * What every embedded vendor simulator shares: its own HTTP server, started with the
 * application (or on first use) and stopped with it, in front of the vendor API, with its
 * fault settings, call statistics and per-minute quotas.
 *
 * @author DeskGraph
 */
public abstract class EmbeddedSimulator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSimulator.class);

	// Both vendors publish their quotas per minute.
	private static final Duration QUOTA_WINDOW = Duration.ofMinutes(1);

	private final String name;

	private final String host;

	private final FaultInjector faults = new FaultInjector();

	private final SimulatorStats stats;

	private final SimulatorServer server;

	/**
	 * Creates the simulator; nothing is bound before {@link #start()} or {@link #port()}.
	 * @param name what the simulator stands in for, for example "Huawei Workspace
	 * simulator"
	 * @param shortName a short name for thread names, for example {@code huawei}
	 * @param host the address to bind
	 * @param port the port to bind, 0 for a random free port
	 * @param timeoutHold how long a call hit by a timeout fault is held before its
	 * connection is closed
	 * @param clock the clock that times the quota windows
	 * @param operations the names of the vendor operations, always listed in the
	 * statistics
	 * @param api creates the vendor API from the quota windows and the statistics it
	 * counts refused calls in
	 */
	protected EmbeddedSimulator(String name, String shortName, String host, int port, Duration timeoutHold, Clock clock,
			Collection<String> operations, BiFunction<QuotaLimiter, SimulatorStats, SimulatorApi> api) {
		this.name = name;
		this.host = host;
		this.stats = new SimulatorStats(operations);
		QuotaLimiter quotas = new QuotaLimiter(clock, QUOTA_WINDOW);
		this.server = new SimulatorServer(shortName, host, port, api.apply(quotas, this.stats), this.faults, this.stats,
				quotas, timeoutHold);
	}

	/**
	 * A short description for the start-up log line, never a secret.
	 * @return for example the project and the estate size
	 */
	protected abstract String description();

	@Override
	public synchronized void start() {
		if (this.server.isRunning()) {
			return;
		}
		this.server.start();
		logger.info("{} listening on http://{}:{} ({})", this.name, this.host, this.server.port(), description());
	}

	@Override
	public synchronized void stop() {
		if (this.server.isRunning()) {
			this.server.stop();
			logger.info("{} stopped", this.name);
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
	 * Returns the base URL to point a vendor client at, binding the server first if
	 * needed.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
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
