package io.deskgraph.system.security;

import java.time.Duration;

import io.deskgraph.connector.shared.SharedTier;
import io.github.bucket4j.BucketConfiguration;
import reactor.core.publisher.Mono;

/**
 * The per-client request limit every replica shares on Redis, so that a client landing on
 * several replicas gets the limit once; while Redis is unreachable each replica holds
 * each client to its share of the limit.
 *
 * @author DeskGraph
 */
final class SharedClientRequestLimit implements ClientRequestLimit {

	private final SharedTier tier;

	private final BucketConfiguration limit;

	private final ClientRateLimiter alone;

	SharedClientRequestLimit(SharedTier tier, SecurityProperties.RateLimit rateLimit) {
		this.tier = tier;
		long tokens = Math.max(1, Math.round(rateLimit.requestsPerSecond()));
		Duration period = Duration.ofNanos((long) (tokens / rateLimit.requestsPerSecond() * 1e9));
		this.limit = BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(rateLimit.burst()).refillGreedy(tokens, period))
			.build();
		int replicas = tier.properties().replicas();
		this.alone = new ClientRateLimiter(
				"deskgraph.security.rate-limit.requests-per-second, burst and max-clients, ÷ deskgraph.shared.replicas",
				rateLimit.requestsPerSecond() / replicas, Math.max(1, rateLimit.burst() / replicas),
				rateLimit.maxClients(), System::nanoTime);
	}

	@Override
	public Mono<Duration> acquire(String client) {
		// Hashed: a client's key names an API key or an address, which Redis need not
		// show.
		return this.tier.tryTake(this.tier.key("client", SharedTier.hash(client)), this.limit)
			.map(Duration::ofNanos)
			.switchIfEmpty(Mono.fromSupplier(() -> this.alone.acquire(client)));
	}

}
