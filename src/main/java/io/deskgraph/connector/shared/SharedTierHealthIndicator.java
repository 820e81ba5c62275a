package io.deskgraph.connector.shared;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;

/**
 * Reports the shared tier as the {@code redis} health component: {@code UP} while Redis
 * answers, {@code DOWN} while each replica serves alone; the verdict comes from the
 * tier's own background checks and commands, so a health check sends nothing to Redis.
 *
 * @author DeskGraph
 */
final class SharedTierHealthIndicator implements ReactiveHealthIndicator {

	private final SharedTier tier;

	SharedTierHealthIndicator(SharedTier tier) {
		this.tier = tier;
	}

	@Override
	public Mono<Health> health() {
		Health.Builder health = this.tier.isUp() ? Health.up() : Health.down();
		health.withDetail("address", this.tier.where())
			.withDetail("replicas", this.tier.properties().replicas())
			.withDetail("since", this.tier.since().toString());
		if (!this.tier.isUp()) {
			String failure = this.tier.lastFailure();
			health.withDetail("reason", "each replica serves alone, keeping to 1/" + this.tier.properties().replicas()
					+ " of each vendor quota and client limit" + ((failure != null) ? " (" + failure + ")" : ""));
		}
		return Mono.just(health.build());
	}

}
