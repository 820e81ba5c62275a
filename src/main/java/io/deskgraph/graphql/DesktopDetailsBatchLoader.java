package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopNotFoundException;
import io.deskgraph.usage.UsageConnector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Resolves what the vendor says of desktops named by id (name, region, state, billing
 * mode, spec) for all the desktops of a response at once: one
 * {@link UsageConnector#desktops} call per account, never one per desktop.
 *
 * @author DeskGraph
 */
@Component
class DesktopDetailsBatchLoader {

	/** Name of the data loader the controller asks for. */
	static final String NAME = "desktopDetails";

	private final AccountRegistry accounts;

	DesktopDetailsBatchLoader(AccountRegistry accounts, BatchLoaderRegistry registry) {
		this.accounts = accounts;
		registry.<Key, Object>forName(NAME).registerMappedBatchLoader((keys, env) -> load(keys));
	}

	/**
	 * Loads a batch of desktops; a key's value is the vendor's desktop, a
	 * {@link DesktopNotFoundException} when the vendor does not know it, or the failure
	 * of its account so that only that account's desktops get the error.
	 */
	private Mono<Map<Key, Object>> load(Collection<Key> keys) {
		Map<String, List<Key>> byAccount = new LinkedHashMap<>();
		keys.forEach((key) -> byAccount.computeIfAbsent(key.accountId(), (account) -> new ArrayList<>()).add(key));
		return Flux.fromIterable(byAccount.entrySet())
			.flatMap((entry) -> loadAccount(entry.getKey(), entry.getValue()))
			.collectList()
			.map((maps) -> {
				Map<Key, Object> all = new HashMap<>();
				maps.forEach(all::putAll);
				return all;
			});
	}

	private Mono<Map<Key, Object>> loadAccount(String accountId, List<Key> keys) {
		return AccountScope.current().flatMap((scope) -> {
			UsageConnector connector = this.accounts.get(scope, accountId, "id");
			List<String> nativeIds = keys.stream().map(Key::nativeId).distinct().toList();
			return connector.desktops(nativeIds).map((found) -> {
				Map<Key, Object> result = new HashMap<>();
				for (Key key : keys) {
					Desktop desktop = found.get(key.nativeId());
					result.put(key, (desktop != null) ? desktop : new DesktopNotFoundException(key.id(), accountId));
				}
				return result;
			});
		}).onErrorResume((ex) -> {
			Map<Key, Object> failed = new HashMap<>();
			keys.forEach((key) -> failed.put(key, ex));
			return Mono.just(failed);
		});
	}

	/**
	 * One desktop to describe.
	 *
	 * @param id the global id
	 * @param accountId the account
	 * @param nativeId the vendor's id
	 */
	record Key(String id, String accountId, String nativeId) {

		static Key of(Desktop desktop) {
			return new Key(desktop.id(), desktop.accountId(), desktop.nativeId());
		}

	}

}
