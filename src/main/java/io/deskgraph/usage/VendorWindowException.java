package io.deskgraph.usage;

/**
 * Raised when a date range reaches outside what one vendor's API can answer (how far back
 * it reaches, or how long a window it takes): in a question to several accounts the
 * others still answer and this account's source is {@code FAILED} with the limit; asked
 * of such accounts alone, it is a {@code BAD_REQUEST} naming the argument and the limit.
 *
 * @author DeskGraph
 */
public class VendorWindowException extends InvalidArgumentException {

	/**
	 * Creates an exception.
	 * @param argument the argument at fault, for example {@code range}
	 * @param message which vendor limit the range breaks, and how
	 */
	public VendorWindowException(String argument, String message) {
		super(argument, message);
	}

}
