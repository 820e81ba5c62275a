package io.deskgraph.connector;

import java.time.Instant;

import io.deskgraph.usage.VendorException;

import org.springframework.lang.Nullable;

/**
 * Collects, for one account's part of a query, when the oldest answer used was fetched
 * and whether any was served stale; travels in the Reactor context so connectors need not
 * pass it along.
 *
 * @author DeskGraph
 */
public final class FetchReport {

	@Nullable
	private Instant oldestFetch;

	private boolean stale;

	private long weight;

	@Nullable
	private VendorException staleBecause;

	/**
	 * Records one answer used.
	 * @param fetchedAt when it was fetched from the vendor
	 * @param failure the vendor failure it stood in for, when it was served stale
	 */
	synchronized void record(Instant fetchedAt, @Nullable VendorException failure) {
		record(fetchedAt, failure, 0);
	}

	/**
	 * Records one answer used, with what it weighs in the cache.
	 * @param fetchedAt when it was fetched from the vendor
	 * @param failure the vendor failure it stood in for, when it was served stale
	 * @param weight its estimated heap in bytes
	 */
	synchronized void record(Instant fetchedAt, @Nullable VendorException failure, long weight) {
		this.weight += weight;
		if (this.oldestFetch == null || fetchedAt.isBefore(this.oldestFetch)) {
			this.oldestFetch = fetchedAt;
		}
		if (failure != null) {
			this.stale = true;
			this.staleBecause = failure;
		}
	}

	/**
	 * When the oldest answer used was fetched.
	 * @return the instant, or {@code null} when nothing was fetched
	 */
	@Nullable
	public synchronized Instant oldestFetch() {
		return this.oldestFetch;
	}

	/**
	 * What the answers used weigh in the cache, in all.
	 * @return the estimated heap in bytes
	 */
	synchronized long weight() {
		return this.weight;
	}

	/**
	 * Whether any answer was served past its time to live because the vendor failed.
	 * @return true when stale
	 */
	public synchronized boolean isStale() {
		return this.stale;
	}

	/**
	 * The failure a stale answer stood in for.
	 * @return the failure, or {@code null}
	 */
	@Nullable
	public synchronized VendorException staleBecause() {
		return this.staleBecause;
	}

}
