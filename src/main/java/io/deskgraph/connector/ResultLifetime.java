package io.deskgraph.connector;

import java.time.Duration;
import java.time.Instant;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.lang.Nullable;

/**
 * How long one GraphQL request's result may be reused: until the first of the vendor
 * answers it used stops being true, and never when one of them was served stale or the
 * operation is not one to reuse; travels in the Reactor context of the request.
 *
 * @author DeskGraph
 */
public final class ResultLifetime {

	@Nullable
	private Instant expiresAt;

	private boolean reusable = true;

	/**
	 * Records one vendor answer the result used.
	 * @param fetchedAt when it was fetched
	 * @param ttl how long after that it stays true; zero when it is not cached at all
	 * @param stale whether it was served past its time to live because the vendor failed
	 */
	synchronized void answerUsed(Instant fetchedAt, Duration ttl, boolean stale) {
		Instant until = fetchedAt.plus(ttl);
		if (this.expiresAt == null || until.isBefore(this.expiresAt)) {
			this.expiresAt = until;
		}
		if (stale) {
			this.reusable = false;
		}
	}

	/**
	 * Marks the result as one never to reuse (a mutation, introspection, entities).
	 */
	public synchronized void forbidReuse() {
		this.reusable = false;
	}

	/**
	 * Whether the result may be reused at all.
	 * @return false when an answer was stale or reuse was forbidden
	 */
	public synchronized boolean reusable() {
		return this.reusable;
	}

	/**
	 * When the first vendor answer the result used stops being true.
	 * @return the instant, or {@code null} when the result used no vendor answer
	 */
	@Nullable
	public synchronized Instant expiresAt() {
		return this.expiresAt;
	}

	/**
	 * A Reactor context holding this lifetime.
	 * @return the context
	 */
	public Context into() {
		return Context.of(ResultLifetime.class, this);
	}

	/**
	 * The lifetime of the request a context belongs to.
	 * @param context the Reactor context
	 * @return the lifetime, or {@code null} outside a request whose result may be reused
	 */
	@Nullable
	public static ResultLifetime of(ContextView context) {
		return context.getOrDefault(ResultLifetime.class, null);
	}

}
