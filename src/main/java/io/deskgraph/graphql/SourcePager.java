package io.deskgraph.graphql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.usage.Slice;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.UsageConnector;
import reactor.core.publisher.Mono;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds one Relay page over several accounts: each account is asked for the next
 * {@code first} results of its own order from its cursor offset, the answers are merged
 * (by an order, or account after account), and every edge's cursor records each account's
 * offset so the next page resumes exactly.
 *
 * @author DeskGraph
 */
@Component
class SourcePager {

	private final SourceFanOut fanOut;

	SourcePager(SourceFanOut fanOut) {
		this.fanOut = fanOut;
	}

	/**
	 * Fetches and merges one page.
	 * @param <T> what the accounts return
	 * @param <N> the node type of the connection
	 * @param connectors the accounts, in the order their results are concatenated
	 * @param request page size, query fingerprint and offsets
	 * @param fetcher asks one account for a slice
	 * @param order the merged order, or {@code null} to concatenate accounts in order
	 * @param node makes a node of a result and its 0-based position in the merged order
	 * @return the page
	 */
	<T, N> Mono<Connection<N>> page(List<UsageConnector> connectors, PageRequest request, SliceFetcher<T> fetcher,
			@Nullable Comparator<T> order, NodeFactory<T, N> node) {
		return this.fanOut
			.ask(connectors,
					(connector) -> fetcher.fetch(connector, request.offsetOf(connector.account().id()),
							request.first()))
			.map((outcomes) -> merge(outcomes, request, order, node));
	}

	private <T, N> Connection<N> merge(List<SourceOutcome<Slice<T>>> outcomes, PageRequest request,
			@Nullable Comparator<T> order, NodeFactory<T, N> node) {
		Map<String, Long> offsets = new LinkedHashMap<>();
		List<Deque<T>> queues = new ArrayList<>();
		long position = 0;
		long total = 0;
		boolean anyAnswered = false;
		for (SourceOutcome<Slice<T>> outcome : outcomes) {
			long offset = request.offsetOf(outcome.accountId());
			offsets.put(outcome.accountId(), offset);
			position += offset;
			Slice<T> slice = outcome.value();
			queues.add((slice != null) ? new ArrayDeque<>(slice.items()) : new ArrayDeque<>());
			if (slice != null) {
				total = saturatedAdd(total, slice.totalCount());
				anyAnswered = true;
			}
		}
		List<Edge<N>> edges = new ArrayList<>();
		while (edges.size() < request.first()) {
			int next = nextSource(queues, order);
			if (next < 0) {
				break;
			}
			T item = queues.get(next).removeFirst();
			offsets.merge(outcomes.get(next).accountId(), 1L, Long::sum);
			edges.add(new Edge<>(CursorCodec.encode(request.query(), offsets), node.create(item, position++)));
		}
		boolean hasNext = false;
		for (int i = 0; i < outcomes.size(); i++) {
			Slice<T> slice = outcomes.get(i).value();
			if (slice != null && offsets.get(outcomes.get(i).accountId()) < slice.totalCount()) {
				hasNext = true;
			}
		}
		PageInfo pageInfo = new PageInfo(hasNext, false, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		List<SourceStatus> sources = outcomes.stream().map(SourceOutcome::status).toList();
		// Vendor totals are not under DeskGraph's control: saturate rather than overflow.
		return new Connection<>(edges, pageInfo, anyAnswered ? (int) Math.min(total, Integer.MAX_VALUE) : null,
				sources);
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

	private static <T> int nextSource(List<Deque<T>> queues, @Nullable Comparator<T> order) {
		int best = -1;
		for (int i = 0; i < queues.size(); i++) {
			T head = queues.get(i).peekFirst();
			if (head == null) {
				continue;
			}
			if (order == null) {
				return i;
			}
			// Strictly better only, so ties go to the earlier account and the order is
			// stable.
			if (best < 0 || order.compare(head, queues.get(best).peekFirst()) < 0) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * Asks one account for a slice of its own order.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	interface SliceFetcher<T> {

		Mono<Slice<T>> fetch(UsageConnector connector, long offset, int count);

	}

	/**
	 * Makes a connection node from a result and its position in the merged order.
	 *
	 * @param <T> the result type
	 * @param <N> the node type
	 */
	@FunctionalInterface
	interface NodeFactory<T, N> {

		N create(T item, long position);

	}

}
