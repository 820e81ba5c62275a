package io.deskgraph.connector;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.UsageConnector;

/**
 * Stands in for an account whose vendor has no connector yet, so every question reports
 * that account {@code UNSUPPORTED} instead of failing.
 *
 * @author DeskGraph
 */
class UnsupportedVendorConnector implements UsageConnector {

	private final Account account;

	UnsupportedVendorConnector(AccountProperties properties) {
		this.account = properties.account();
	}

	@Override
	public Account account() {
		return this.account;
	}

}
