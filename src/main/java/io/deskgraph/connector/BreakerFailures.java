package io.deskgraph.connector;

import java.util.function.Predicate;

import io.deskgraph.usage.VendorException;

/**
 * Decides what the circuit breakers count, from one rule on the failure's own
 * classification: a vendor that did not answer usefully is a failure; a throttled,
 * rejected or unauthorized call shows that the vendor is up, so it is left out rather
 * than counted as a success (the account's health still learns of rejected credentials
 * from it).
 *
 * @author DeskGraph
 */
public final class BreakerFailures {

	private BreakerFailures() {
	}

	static boolean isUnavailability(VendorException failure) {
		return failure.classification().isUnavailability();
	}

	/**
	 * The {@code record-failure-predicate}: vendor unavailability.
	 */
	public static final class Recorded implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return failure instanceof VendorException vendor && isUnavailability(vendor);
		}

	}

	/**
	 * The {@code ignore-exception-predicate}: every other vendor failure.
	 */
	public static final class Ignored implements Predicate<Throwable> {

		@Override
		public boolean test(Throwable failure) {
			return failure instanceof VendorException vendor && !isUnavailability(vendor);
		}

	}

}
