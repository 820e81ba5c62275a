package io.deskgraph.system.observability;

import java.util.List;

import io.deskgraph.system.observability.AccountCallTracker.Credentials;
import io.deskgraph.system.observability.AccountCallTracker.Verdict;
import io.deskgraph.usage.Account;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;

/**
 * Health of one account: down while any of its circuit breakers is open or when the
 * vendor rejected its credentials on the last call, judged from past calls only.
 *
 * @author DeskGraph
 */
class AccountHealthIndicator implements ReactiveHealthIndicator {

	private final Account account;

	private final String breakerPrefix;

	private final CircuitBreakerRegistry circuitBreakers;

	private final AccountCallTracker calls;

	AccountHealthIndicator(Account account, CircuitBreakerRegistry circuitBreakers, AccountCallTracker calls) {
		this.account = account;
		this.breakerPrefix = account.id() + ".";
		this.circuitBreakers = circuitBreakers;
		this.calls = calls;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(this::check);
	}

	private Health check() {
		List<String> openCircuits = this.circuitBreakers.getAllCircuitBreakers()
			.stream()
			.filter((breaker) -> breaker.getName().startsWith(this.breakerPrefix))
			.filter((breaker) -> isOpen(breaker.getState()))
			.map((breaker) -> breaker.getName().substring(this.breakerPrefix.length()))
			.sorted()
			.toList();
		Credentials credentials = this.calls.credentials(this.account.id());
		boolean rejected = credentials.verdict() == Verdict.REJECTED;
		Health.Builder health = (openCircuits.isEmpty() && !rejected) ? Health.up() : Health.down();
		health.withDetail("vendor", this.account.vendor().name()).withDetail("region", this.account.region());
		health.withDetail("credentials", credentials.verdict().name());
		if (credentials.at() != null) {
			health.withDetail("credentialsCheckedAt", credentials.at().toString());
		}
		if (!openCircuits.isEmpty()) {
			health.withDetail("openCircuits", openCircuits);
		}
		if (rejected) {
			health.withDetail("reason", "the vendor rejected the account's credentials on its last call (UPSTREAM_AUTH"
					+ ((credentials.upstreamCode() != null) ? ", " + credentials.upstreamCode() : "") + ")");
		}
		else if (!openCircuits.isEmpty()) {
			health.withDetail("reason", "circuit open after repeated vendor failures: " + openCircuits);
		}
		return health.build();
	}

	private static boolean isOpen(CircuitBreaker.State state) {
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

}
