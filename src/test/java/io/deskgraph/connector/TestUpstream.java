package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds an {@link UpstreamExecutor} that neither caches nor retries nor limits, so
 * connector tests see every call they make reach the simulator exactly once.
 *
 * @author DeskGraph
 */
public final class TestUpstream {

	/** Every drain runner handed out, so that a test can wait for their drains. */
	private static final List<DrainJobs> DRAINS = new CopyOnWriteArrayList<>();

	private TestUpstream() {
	}

	/**
	 * Waits until no drain of any connector built here runs: drains go on in the
	 * background after the call that started them, and would reach the simulator during
	 * the next test.
	 * @param within how long to wait at most
	 */
	public static void awaitDrains(Duration within) {
		long giveUp = System.nanoTime() + within.toNanos();
		while (DRAINS.stream().anyMatch((drains) -> drains.running() > 0)) {
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("drains still running after " + within);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * An executor that passes every call straight through.
	 * @param clock the clock answers are stamped with
	 * @return the executor
	 */
	public static UpstreamExecutor direct(Clock clock) {
		CacheProperties noCache = new CacheProperties(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Duration.ZERO, DataSize.ofMegabytes(1));
		UpstreamProperties noLimits = new UpstreamProperties(
				Map.of("default", new UpstreamProperties.Quota(100_000_000, 1_000_000)), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(1), Duration.ofMillis(1), 0, 1));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return new UpstreamExecutor(noCache, noLimits, new VendorQuotaLimiter(noLimits, meters),
				CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1000).build()), meters, clock);
	}

	/**
	 * What vendor clients are built from, with an executor that passes every call
	 * straight through.
	 * @param clock the clock of signatures, windows and answers
	 * @return the infrastructure
	 */
	public static ConnectorInfrastructure infrastructure(Clock clock) {
		UpstreamProperties noLimits = new UpstreamProperties(Map.of(), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(1), Duration.ofMillis(1), 0, 1));
		UpstreamExecutor upstream = direct(clock);
		DrainJobs drains = new DrainJobs(new DrainsProperties(Duration.ofMinutes(1), 1000), upstream,
				new VendorQuotaLimiter(noLimits, new SimpleMeterRegistry()), clock);
		DRAINS.add(drains);
		return new ConnectorInfrastructure(WebClient.builder(), new ObjectMapper(), upstream, drains, clock);
	}

	/**
	 * What vendor clients are built from, with an executor that caches answers and keeps
	 * completed drains for the default times to live ({@code deskgraph.cache}) but
	 * neither retries nor limits, for tests of what a second question within a time to
	 * live costs.
	 * @param clock the clock of signatures, windows and answers
	 * @return the infrastructure
	 */
	public static ConnectorInfrastructure cachingInfrastructure(Clock clock) {
		CacheProperties cache = new CacheProperties(Duration.ofHours(6), Duration.ofSeconds(60), Duration.ofSeconds(5),
				Duration.ofMinutes(5), Duration.ofHours(1), DataSize.ofMegabytes(16));
		UpstreamProperties noLimits = new UpstreamProperties(
				Map.of("default", new UpstreamProperties.Quota(100_000_000, 1_000_000)), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(1), Duration.ofMillis(1), 0, 1));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		UpstreamExecutor upstream = new UpstreamExecutor(cache, noLimits, new VendorQuotaLimiter(noLimits, meters),
				CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1000).build()), meters, clock);
		DrainJobs drains = new DrainJobs(new DrainsProperties(Duration.ofMinutes(1), 1000), upstream,
				new VendorQuotaLimiter(noLimits, meters), clock);
		DRAINS.add(drains);
		return new ConnectorInfrastructure(WebClient.builder(), new ObjectMapper(), upstream, drains, clock);
	}

}
