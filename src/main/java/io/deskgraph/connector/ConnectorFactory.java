package io.deskgraph.connector;

import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;

/**
 * Builds the connector of one vendor for a configured account; one bean per vendor.
 *
 * @author DeskGraph
 */
public interface ConnectorFactory {

	/**
	 * The vendor this factory builds connectors for.
	 * @return the vendor
	 */
	Vendor vendor();

	/**
	 * Builds a connector.
	 * @param account the account's configuration, already validated
	 * @return the connector
	 */
	UsageConnector create(AccountProperties account);

}
