package io.deskgraph.usage;

/**
 * Signals that a vendor has no API for the question asked; the account is reported
 * {@code UNSUPPORTED}, which is not an error.
 *
 * @author DeskGraph
 */
public class UnsupportedQueryException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message which question the vendor cannot answer
	 */
	public UnsupportedQueryException(String message) {
		super(message);
	}

}
