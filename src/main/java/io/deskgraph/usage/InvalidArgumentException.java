package io.deskgraph.usage;

/**
 * Raised when a client argument is invalid; becomes a {@code BAD_REQUEST} GraphQL error
 * naming the argument and the limit it broke.
 *
 * @author DeskGraph
 */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	/**
	 * Creates an exception.
	 * @param argument the argument at fault, for example {@code range} or {@code first}
	 * @param message what is wrong and what the limit is
	 */
	public InvalidArgumentException(String argument, String message) {
		super(argument + ": " + message);
		this.argument = argument;
	}

	/**
	 * The argument at fault.
	 * @return the argument name
	 */
	public String getArgument() {
		return this.argument;
	}

}
