package io.deskgraph.connector.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared tier on Redis that several replicas use for their vendor pages, single
 * flight and rate limits; Redis itself is configured with Spring Boot's
 * {@code spring.data.redis.*} properties and used as soon as
 * {@code spring.data.redis.host} or {@code spring.data.redis.url} is set.
 *
 * @param replicas how many replicas share the vendor quotas and client limits: while
 * Redis is unreachable each replica keeps to this share of them on its own
 * @param keyPrefix the first part of every key DeskGraph writes, so several deployments
 * can share one Redis
 * @param lease how long a replica calling a vendor for a page holds the page's lease,
 * during which the others wait for its answer instead of calling too
 * @param leaseWait the longest a replica waits for another's answer before calling the
 * vendor itself
 * @param leasePoll how often a waiting replica looks for the answer
 * @param commandTimeout the longest any Redis command may take before the replica treats
 * Redis as unreachable and serves on its own
 * @param healthInterval how often an unreachable Redis is tried again
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.shared")
public record SharedTierProperties(@DefaultValue("1") int replicas, @DefaultValue("deskgraph") String keyPrefix,
		@DefaultValue("10s") Duration lease, @DefaultValue("5s") Duration leaseWait,
		@DefaultValue("50ms") Duration leasePoll, @DefaultValue("2s") Duration commandTimeout,
		@DefaultValue("2s") Duration healthInterval) {

	public SharedTierProperties {
		if (replicas < 1) {
			throw new IllegalArgumentException("deskgraph.shared.replicas must be at least 1, was " + replicas);
		}
		if (keyPrefix.isBlank() || keyPrefix.contains(" ")) {
			throw new IllegalArgumentException("deskgraph.shared.key-prefix must be a word without spaces");
		}
	}

}
