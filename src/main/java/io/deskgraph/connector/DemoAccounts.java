package io.deskgraph.connector;

import java.util.List;

/**
 * Supplies the accounts of demo mode (accounts pointing at the embedded vendor
 * simulators), used only when no account is configured.
 *
 * @author DeskGraph
 */
public interface DemoAccounts {

	/**
	 * The demo accounts this source provides.
	 * @return account configurations, credentials included
	 */
	List<AccountProperties> accounts();

}
