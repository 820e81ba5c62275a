package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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

	private TestUpstream() {
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
		return new ConnectorInfrastructure(WebClient.builder(), new ObjectMapper(), upstream, drains, clock);
	}

}
