package io.deskgraph.system.observability;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.usage.Account;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.ReactiveHealthContributor;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code accounts} health component, with one {@link AccountHealthIndicator} per
 * configured account named by its id.
 *
 * @author DeskGraph
 */
@Component
class AccountsHealthContributor implements CompositeReactiveHealthContributor {

	private final Map<String, ReactiveHealthContributor> accounts = new LinkedHashMap<>();

	AccountsHealthContributor(AccountRegistry registry, CircuitBreakerRegistry circuitBreakers,
			AccountCallTracker calls) {
		for (Account account : registry.accounts()) {
			this.accounts.put(account.id(), new AccountHealthIndicator(account, circuitBreakers, calls));
		}
	}

	@Override
	@Nullable
	public ReactiveHealthContributor getContributor(String name) {
		return this.accounts.get(name);
	}

	@Override
	public Iterator<NamedContributor<ReactiveHealthContributor>> iterator() {
		return this.accounts.entrySet()
			.stream()
			.map((entry) -> NamedContributor.of(entry.getKey(), entry.getValue()))
			.iterator();
	}

}
