package io.deskgraph.system.observability;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.deskgraph.usage.SourceStatus;

/**
 * What one GraphQL request did upstream: the vendor calls it made and the state of every
 * account it asked; shared by the request's data fetchers.
 *
 * @author DeskGraph
 */
final class RequestActivity {

	private final AtomicInteger upstreamCalls = new AtomicInteger();

	private final Map<String, Set<String>> sources = new LinkedHashMap<>();

	/**
	 * The counter {@code UpstreamExecutor} increments for every vendor HTTP attempt.
	 * @return the counter
	 */
	AtomicInteger upstreamCalls() {
		return this.upstreamCalls;
	}

	/**
	 * Records the state of an account in one result.
	 * @param source the account's status
	 */
	synchronized void source(SourceStatus source) {
		this.sources.computeIfAbsent(source.accountId(), (id) -> new LinkedHashSet<>()).add(source.state().name());
	}

	/**
	 * The accounts asked and their states, as {@code id:STATE}, several states joined
	 * with {@code /}.
	 * @return for example {@code [huawei-demo:OK, alibaba-demo:FAILED]}
	 */
	synchronized String sources() {
		return this.sources.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + String.join("/", entry.getValue()))
			.collect(Collectors.joining(", ", "[", "]"));
	}

}
