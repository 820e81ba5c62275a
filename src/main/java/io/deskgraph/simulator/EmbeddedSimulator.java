package io.deskgraph.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The lifecycle every embedded vendor simulator shares: its own HTTP server started with
 * the application (or on first use) and stopped with it, its fault settings and its call
 * statistics.
 *
 * @author DeskGraph
 */
public abstract class EmbeddedSimulator implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSimulator.class);

	private final String name;

	private final String host;

	private final FaultInjector faults;

	private final SimulatorStats stats;

	private final SimulatorServer server;

	/**
	 * Creates the simulator; nothing is bound before {@link #start()} or {@link #port()}.
	 * @param name what the simulator stands in for, for example "Huawei Workspace
	 * simulator"
	 * @param host the address it binds, named in the log
	 * @param faults its fault settings
	 * @param stats its call statistics
	 * @param server its HTTP server
	 */
	protected EmbeddedSimulator(String name, String host, FaultInjector faults, SimulatorStats stats,
			SimulatorServer server) {
		this.name = name;
		this.host = host;
		this.faults = faults;
		this.stats = stats;
		this.server = server;
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
