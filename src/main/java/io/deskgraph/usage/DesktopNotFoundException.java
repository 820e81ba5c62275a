package io.deskgraph.usage;

/**
 * Raised when a vendor does not know a desktop a client named by id; becomes a
 * {@code NOT_FOUND} GraphQL error for that field only.
 *
 * @author DeskGraph
 */
public class DesktopNotFoundException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param desktopId the global id asked for
	 * @param accountId the account that does not know it
	 */
	public DesktopNotFoundException(String desktopId, String accountId) {
		super("desktop '" + desktopId + "' is not known to account " + accountId);
	}

}
