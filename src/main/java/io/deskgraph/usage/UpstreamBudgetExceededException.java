package io.deskgraph.usage;

/**
 * Raised when a request would make more vendor calls than its budget
 * ({@code deskgraph.limits.max-upstream-calls}) allows; a client mistake that becomes a
 * {@code BAD_REQUEST} naming the limit, for the whole field rather than one account.
 *
 * @author DeskGraph
 */
public class UpstreamBudgetExceededException extends RuntimeException {

	/** The name of the limit, as in {@code extensions.limit}. */
	public static final String LIMIT = "maxUpstreamCalls";

	private final int max;

	/**
	 * Creates an exception.
	 * @param max the budget that was exceeded
	 */
	public UpstreamBudgetExceededException(int max) {
		super("The request needed more than " + max
				+ " vendor calls, its upstream-call budget (deskgraph.limits.max-upstream-calls); ask for fewer "
				+ "results, fewer accounts or a shorter range", null, false, false);
		this.max = max;
	}

	/**
	 * The budget that was exceeded.
	 * @return the most vendor calls a request may cause
	 */
	public int getMax() {
		return this.max;
	}

}
