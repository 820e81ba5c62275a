package io.deskgraph.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.deskgraph.usage.DataPendingException;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs every drain of vendor pages as one background job per account, API and parameters,
 * shared by everyone who asks: the job pages through the vendor at the pace of its quota,
 * each page cached as it arrives, so a drain that failed resumes from the pages still
 * fresh; a request waits for its job only until its own deadline and then reports the
 * account's data as pending, with an estimate of when it will be ready.
 * <p>
 * A completed drain is kept in the page cache for the time to live of its data from when
 * it completed (a drain may take longer than its pages live), weighed as its pages are,
 * so the next question is answered from it at once.
 *
 * @author DeskGraph
 */
@Component
public class DrainJobs {

	private static final Logger logger = LoggerFactory.getLogger(DrainJobs.class);

	/**
	 * The client drain jobs take their quota turns as, beside the interactive clients.
	 */
	static final Caller DRAINS = new Caller("drains");

	/** Time kept free at the end of a request to answer it once it stops waiting. */
	private static final Duration ANSWER_RESERVE = Duration.ofSeconds(1);

	private final DrainsProperties properties;

	private final UpstreamExecutor upstream;

	private final VendorQuotaLimiter quotas;

	private final Clock clock;

	private final Map<Drain, Job<?>> running = new ConcurrentHashMap<>();

	public DrainJobs(DrainsProperties properties, UpstreamExecutor upstream, VendorQuotaLimiter quotas, Clock clock) {
		this.properties = properties;
		this.upstream = upstream;
		this.quotas = quotas;
		this.clock = clock;
	}

	/**
	 * The items of a drain: from the completed drain if one is kept, else from the
	 * running job (started now if none runs), waiting for it until the request's
	 * deadline.
	 * @param <T> the item type
	 * @param drain what is drained
	 * @param expectedPages the pages the drain is expected to take, until its first page
	 * tells
	 * @param pages fetches every page, in order, noting each in the progress it is given
	 * @return the items; fails with {@link DataPendingException} when the request's
	 * deadline comes first, and with the drain's failure when it fails
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<List<T>> drain(Drain drain, int expectedPages, Function<DrainProgress, Mono<List<T>>> pages) {
		return Mono.deferContextual((context) -> {
			Instant now = this.clock.instant();
			FetchReport report = context.getOrDefault(FetchReport.class, null);
			VendorPageCache.Answer kept = this.upstream.keptDrain(drain.asRequest());
			if (kept != null) {
				new Result<>((List<T>) kept.value(), kept.fetchedAt(), null).reportTo(report);
				this.upstream.answerUsed(context, kept.fetchedAt(), drain.freshness(), false);
				return Mono.just((List<T>) kept.value());
			}
			RequestBudget budget = RequestBudget.of(context, now);
			// Starting or joining a drain is one vendor call of the request's budget: the
			// drain's own pages are bounded by its own page budget.
			if (!budget.spend()) {
				return Mono.error(new UpstreamBudgetExceededException(budget.maxCalls()));
			}
			Job<T> job = job(drain, expectedPages, pages);
			// A copy, so that a request giving up cancels its own wait, never the job.
			Mono<Result<T>> result = Mono.fromFuture(job.future.copy());
			if (!job.future.isDone()) {
				Duration wait = budget.remaining(now).minus(ANSWER_RESERVE);
				result = result.timeout(wait.isNegative() ? Duration.ZERO : wait,
						Mono.error(() -> pending(drain, job.progress)));
			}
			return result.map((answer) -> {
				if (answer.oldestFetch() != null) {
					this.upstream.answerUsed(context, answer.oldestFetch(), drain.freshness(),
							answer.staleBecause() != null);
				}
				return answer.reportTo(report).items();
			});
		});
	}

	/**
	 * The drains running now.
	 * @return how many there are
	 */
	public int running() {
		return this.running.size();
	}

	@SuppressWarnings("unchecked")
	private <T> Job<T> job(Drain drain, int expectedPages, Function<DrainProgress, Mono<List<T>>> pages) {
		Job<T> created = new Job<>(new DrainProgress(expectedPages, this.properties.maxPagesWithoutTotal()));
		Job<?> existing = this.running.putIfAbsent(drain, created);
		if (existing != null) {
			return (Job<T>) existing;
		}
		FetchReport report = new FetchReport();
		Duration deadline = this.properties.deadline();
		Instant started = this.clock.instant();
		logger.info("Drain of {} for {} account '{}' started (about {} {} pages)", drain.what(), drain.vendor(),
				drain.accountId(), created.progress.expectedPages(), drain.api());
		RequestBudget budget = new RequestBudget(this.clock.instant().plus(deadline), Integer.MAX_VALUE);
		Mono.defer(() -> pages.apply(created.progress))
			.timeout(deadline)
			.map((items) -> new Result<>(items, report.oldestFetch(), report.staleBecause()))
			.contextWrite(Context.of(FetchReport.class, report, RequestBudget.class, budget, Caller.class, DRAINS))
			.subscribe((result) -> {
				logger.info("Drain of {} for {} account '{}' done: {} items, {} {} pages fetched in {} ms",
						drain.what(), drain.vendor(), drain.accountId(), result.items().size(),
						created.progress.pages(), drain.api(),
						Duration.between(started, this.clock.instant()).toMillis());
				if (result.staleBecause() == null && result.oldestFetch() != null) {
					this.upstream.keepDrain(drain.asRequest(), result.items(), result.oldestFetch(), report.weight());
				}
				this.running.remove(drain, created);
				created.future.complete(result);
			}, (failure) -> {
				Throwable reported = failed(drain, failure);
				logger.warn("Drain of {} for {} account '{}' failed after {} {} pages: {}", drain.what(),
						drain.vendor(), drain.accountId(), created.progress.pages(), drain.api(),
						reported.getMessage());
				this.running.remove(drain, created);
				created.future.completeExceptionally(reported);
			});
		return created;
	}

	private Throwable failed(Drain drain, Throwable failure) {
		if (failure instanceof TimeoutException || failure instanceof DeadlineReachedException) {
			return new VendorUnavailableException(drain.vendor(), drain.accountId(), 0, null, null,
					drain.vendor().displayName() + " account '" + drain.accountId() + "': the " + drain.what()
							+ " did not finish within " + this.properties.deadline()
							+ " (deskgraph.drains.deadline); the pages fetched are kept, ask again to go on",
					null);
		}
		return failure;
	}

	/**
	 * The account's data as pending: what is being drained, how far it got, and when it
	 * should be done at the pace of the vendor quota.
	 */
	private DataPendingException pending(Drain drain, DrainProgress progress) {
		int left = Math.max(1, progress.expectedPages() - progress.pages());
		Duration readyIn = this.quotas.timeFor(drain.asRequest(), left).plusSeconds(1);
		return new DataPendingException(drain.vendor(), drain.accountId(), readyIn,
				drain.vendor().displayName() + " account '" + drain.accountId() + "': the " + drain.what()
						+ " is still being fetched (" + progress.pages() + " of about " + progress.expectedPages() + " "
						+ drain.api() + " pages); ask again in about " + Math.max(1, readyIn.toSeconds()) + " s");
	}

	/**
	 * A running drain: its progress and the result everyone who asks waits for.
	 */
	private static final class Job<T> {

		final DrainProgress progress;

		final CompletableFuture<Result<T>> future = new CompletableFuture<>();

		Job(DrainProgress progress) {
			this.progress = progress;
		}

	}

	/**
	 * A completed drain: its items, when its oldest page was fetched, and the vendor
	 * failure its stale pages stood in for, if any.
	 */
	private record Result<T>(List<T> items, @Nullable Instant oldestFetch, @Nullable VendorException staleBecause) {

		Result<T> reportTo(@Nullable FetchReport report) {
			if (report != null && this.oldestFetch != null) {
				report.record(this.oldestFetch, this.staleBecause);
			}
			return this;
		}

	}

}
