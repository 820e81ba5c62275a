package io.deskgraph.graphql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.deskgraph.connector.FetchReport;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.VendorWindowException;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.DataPendingException;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Asks several accounts the same question in parallel and records each one's status, so a
 * failing account becomes a {@code FAILED} source (one whose data is still being drained
 * a {@code PENDING} one) instead of failing the query.
 *
 * @author DeskGraph
 */
@Component
class SourceFanOut {

	private static final Logger logger = LoggerFactory.getLogger(SourceFanOut.class);

	private final Clock clock;

	SourceFanOut(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Asks every connector at once; invalid arguments and an exceeded upstream-call
	 * budget still fail the whole question, and so does a range outside every asked
	 * vendor's window (outside only some, those accounts are {@code FAILED}).
	 * @param <T> the answer type
	 * @param connectors the accounts to ask
	 * @param question the call to make on each
	 * @return one outcome per connector, in connector order
	 */
	<T> Mono<List<SourceOutcome<T>>> ask(List<UsageConnector> connectors, Function<UsageConnector, Mono<T>> question) {
		// A range one vendor cannot answer fails only its accounts while another account
		// can; when none can, it is the client's mistake.
		Map<UsageConnector, VendorWindowException> outsideWindows = new ConcurrentHashMap<>();
		return Flux.fromIterable(connectors).flatMapSequential((connector) -> {
			FetchReport report = new FetchReport();
			return Mono.defer(() -> question.apply(connector))
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.map((value) -> answered(connector, value.orElse(null), report))
				.onErrorResume(VendorWindowException.class, (ex) -> {
					outsideWindows.put(connector, ex);
					return Mono.just(outsideWindow(connector, ex));
				})
				.onErrorResume(
						(ex) -> !(ex instanceof InvalidArgumentException)
								&& !(ex instanceof UpstreamBudgetExceededException),
						(ex) -> Mono.just(notAnswered(connector, ex)))
				.contextWrite(Context.of(FetchReport.class, report));
		})
			.collectList()
			.flatMap((outcomes) -> (!outcomes.isEmpty() && outsideWindows.size() == outcomes.size())
					? Mono.error(outsideWindows.get(connectors.get(0))) : Mono.just(outcomes));
	}

	private <T> SourceOutcome<T> outsideWindow(UsageConnector connector, VendorWindowException ex) {
		logger.debug("Account {} cannot answer the range: {}", connector.account().id(), ex.getMessage());
		return new SourceOutcome<>(connector, null,
				status(connector, SourceState.FAILED, SourceError.outsideWindow(ex)));
	}

	private <T> SourceOutcome<T> answered(UsageConnector connector, @Nullable T value, FetchReport report) {
		Instant fetchedAt = (report.oldestFetch() != null) ? report.oldestFetch() : this.clock.instant();
		VendorException staleBecause = report.staleBecause();
		if (report.isStale() && staleBecause != null) {
			return new SourceOutcome<>(connector, value, new SourceStatus(connector.account().vendor(),
					connector.account().id(), SourceState.STALE, fetchedAt, SourceError.of(staleBecause)));
		}
		return new SourceOutcome<>(connector, value, new SourceStatus(connector.account().vendor(),
				connector.account().id(), SourceState.OK, fetchedAt, null));
	}

	private <T> SourceOutcome<T> notAnswered(UsageConnector connector, Throwable ex) {
		if (ex instanceof UnsupportedQueryException) {
			return new SourceOutcome<>(connector, null, status(connector, SourceState.UNSUPPORTED, null));
		}
		if (ex instanceof DataPendingException pending) {
			logger.info("Account {} pending: {}", connector.account().id(), pending.getMessage());
			return new SourceOutcome<>(connector, null,
					status(connector, SourceState.PENDING, SourceError.pending(pending)));
		}
		SourceError error;
		if (ex instanceof VendorException vendor) {
			logger.warn("Account {} failed: {}", connector.account().id(), vendor.getMessage());
			error = SourceError.of(vendor);
		}
		else {
			logger.error("Unexpected failure asking account {}", connector.account().id(), ex);
			error = SourceError.internal(connector.account().id());
		}
		return new SourceOutcome<>(connector, null, status(connector, SourceState.FAILED, error));
	}

	private SourceStatus status(UsageConnector connector, SourceState state, @Nullable SourceError error) {
		return new SourceStatus(connector.account().vendor(), connector.account().id(), state, null, error);
	}

}
