package io.deskgraph.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What one client request may still spend upstream: the instant by which its waits for
 * vendor quota and its retries must end, and how many more vendor calls it may cause;
 * carried in the Reactor context from the GraphQL request to every vendor call.
 *
 * @author DeskGraph
 */
public final class RequestBudget {

	/** The deadline of vendor calls made outside any client request. */
	static final Duration INTERNAL_DEADLINE = Duration.ofSeconds(20);

	private final Instant deadline;

	private final int maxCalls;

	private final AtomicInteger calls = new AtomicInteger();

	/**
	 * Creates a budget.
	 * @param deadline when the request's upstream work must end
	 * @param maxCalls the most vendor calls the request may cause
	 */
	public RequestBudget(Instant deadline, int maxCalls) {
		this.deadline = deadline;
		this.maxCalls = maxCalls;
	}

	/**
	 * The budget of the request a Reactor context belongs to; work no request started
	 * gets a fresh budget with {@link #INTERNAL_DEADLINE} and no call limit.
	 * @param context the context
	 * @param now the current instant
	 * @return the budget
	 */
	static RequestBudget of(ContextView context, Instant now) {
		RequestBudget budget = context.getOrDefault(RequestBudget.class, null);
		return (budget != null) ? budget : new RequestBudget(now.plus(INTERNAL_DEADLINE), Integer.MAX_VALUE);
	}

	/**
	 * A function for {@code contextWrite} that puts this budget into a Reactor context.
	 * @return the context update
	 */
	public Function<Context, Context> into() {
		return (context) -> context.put(RequestBudget.class, this);
	}

	/**
	 * When the request's upstream work must end.
	 * @return the deadline
	 */
	public Instant deadline() {
		return this.deadline;
	}

	/**
	 * The most vendor calls the request may cause.
	 * @return the call limit
	 */
	public int maxCalls() {
		return this.maxCalls;
	}

	/**
	 * Vendor calls made so far, retries included.
	 * @return the count
	 */
	public int calls() {
		return this.calls.get();
	}

	/**
	 * Takes one vendor call from the budget.
	 * @return {@code true} if the call may be made, {@code false} once the budget is
	 * spent
	 */
	boolean spend() {
		return this.calls.incrementAndGet() <= this.maxCalls;
	}

	/**
	 * Time left until the deadline.
	 * @param now the current instant
	 * @return the time left, never negative
	 */
	Duration remaining(Instant now) {
		Duration left = Duration.between(now, this.deadline);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
