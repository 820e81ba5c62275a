package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopNotFoundException;
import io.deskgraph.usage.DesktopUsage;
import io.deskgraph.usage.Granularity;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsagePoint;
import io.deskgraph.usage.UsageQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Resolves {@code Desktop.usage} for all the desktops of a response at once: one vendor
 * call chain per account, window and granularity, never one per desktop.
 *
 * @author DeskGraph
 */
@Component
class DesktopUsageBatchLoader {

	/** Name of the data loader the controller asks for. */
	static final String NAME = "desktopUsage";

	private final AccountRegistry accounts;

	private final UsageWindows windows;

	DesktopUsageBatchLoader(AccountRegistry accounts, UsageWindows windows, BatchLoaderRegistry registry) {
		this.accounts = accounts;
		this.windows = windows;
		registry.<Key, Object>forName(NAME).registerMappedBatchLoader((keys, env) -> load(keys));
	}

	/**
	 * Loads usage for a batch of keys; a key's value is its usage, or the failure of its
	 * account so only that account's desktops get the error.
	 */
	private Mono<Map<Key, Object>> load(Collection<Key> keys) {
		Map<Group, List<Key>> groups = new LinkedHashMap<>();
		for (Key key : keys) {
			Group group = new Group(key.desktop().accountId(), key.range(), key.granularity(), key.withPoints());
			groups.computeIfAbsent(group, (g) -> new ArrayList<>()).add(key);
		}
		return Flux.fromIterable(groups.entrySet())
			.flatMap((entry) -> loadGroup(entry.getKey(), entry.getValue()))
			.collectList()
			.map((maps) -> {
				Map<Key, Object> all = new HashMap<>();
				maps.forEach(all::putAll);
				return all;
			});
	}

	private Mono<Map<Key, Object>> loadGroup(Group group, List<Key> keys) {
		return AccountScope.current().flatMap((scope) -> {
			UsageConnector connector = this.accounts.get(scope, group.accountId(), "id");
			DateRange range = this.windows.pastDays(group.range(), "range");
			List<String> nativeIds = keys.stream().map((key) -> key.desktop().nativeId()).distinct().toList();
			UsageQuery query = new UsageQuery(range, group.granularity(), nativeIds, null, group.withPoints());
			return connector.desktopUsage(query, 0, Integer.MAX_VALUE).map((slice) -> byDesktop(keys, slice.items()));
		}).onErrorResume((ex) -> {
			Map<Key, Object> failed = new HashMap<>();
			keys.forEach((key) -> failed.put(key, ex));
			return Mono.just(failed);
		});
	}

	private static Map<Key, Object> byDesktop(List<Key> keys, List<DesktopUsage> usages) {
		Map<String, List<DesktopUsage>> byNativeId = new HashMap<>();
		usages.forEach((usage) -> byNativeId.computeIfAbsent(usage.desktop().nativeId(), (id) -> new ArrayList<>())
			.add(usage));
		Map<Key, Object> result = new HashMap<>();
		for (Key key : keys) {
			List<DesktopUsage> found = byNativeId.get(key.desktop().nativeId());
			result.put(key, (found != null) ? combine(key.desktop(), found)
					: new DesktopNotFoundException(key.desktop().id(), key.desktop().accountId()));
		}
		return result;
	}

	/** Folds the per-user records of one desktop into one record per desktop. */
	private static DesktopUsage combine(Desktop desktop, List<DesktopUsage> usages) {
		Map<String, UsagePoint> points = new LinkedHashMap<>();
		UsageDuration total = UsageDuration.ZERO;
		for (DesktopUsage usage : usages) {
			total = total.plus(usage.total());
			for (UsagePoint point : usage.points()) {
				points.merge(point.date() + "T" + point.hour(), point,
						(a, b) -> new UsagePoint(a.date(), a.hour(), a.duration().plus(b.duration())));
			}
		}
		List<String> users = usages.stream().map(DesktopUsage::userName).filter(Objects::nonNull).distinct().toList();
		List<UsagePoint> sorted = points.values()
			.stream()
			.sorted(java.util.Comparator.comparing(UsagePoint::date)
				.thenComparing((UsagePoint point) -> Objects.requireNonNullElse(point.hour(), -1)))
			.toList();
		return new DesktopUsage(desktop, (users.size() == 1) ? users.get(0) : null, total, sorted);
	}

	/**
	 * One {@code Desktop.usage} field to resolve.
	 *
	 * @param desktop the parent desktop
	 * @param range the days asked
	 * @param granularity the bucket size asked
	 * @param withPoints whether the points were asked for
	 */
	record Key(Desktop desktop, DateRange range, Granularity granularity, boolean withPoints) {
	}

	private record Group(String accountId, DateRange range, Granularity granularity, boolean withPoints) {
	}

}
