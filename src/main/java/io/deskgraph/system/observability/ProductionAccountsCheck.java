package io.deskgraph.system.observability;

import io.deskgraph.connector.AccountsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stops a {@code prod} start-up that has no vendor account configured, instead of quietly
 * serving nothing (demo mode is off in production).
 *
 * @author DeskGraph
 */
@Component
@Profile("prod")
class ProductionAccountsCheck {

	private static final Logger logger = LoggerFactory.getLogger(ProductionAccountsCheck.class);

	/** The start-up failure message. */
	static final String MESSAGE = "The prod profile needs at least one vendor account and none is configured: "
			+ "set deskgraph.accounts (for example DESKGRAPH_ACCOUNTS_0_ID, DESKGRAPH_ACCOUNTS_0_VENDOR, "
			+ "DESKGRAPH_ACCOUNTS_0_REGION and the account's credentials from the environment). "
			+ "Demo mode with the embedded simulators is off in prod.";

	ProductionAccountsCheck(AccountsProperties properties) {
		if (properties.accounts().isEmpty()) {
			// One plain line ahead of the start-up failure's stack trace.
			logger.error(MESSAGE);
			throw new IllegalStateException(MESSAGE);
		}
	}

}
