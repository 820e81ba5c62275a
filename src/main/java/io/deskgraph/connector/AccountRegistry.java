package io.deskgraph.connector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Holds one connector per account, built at startup from {@code deskgraph.accounts} or,
 * when none is configured, from the demo accounts of the embedded simulators, and selects
 * the accounts a query asks for.
 *
 * @author DeskGraph
 */
@Component
public class AccountRegistry {

	private static final Logger logger = LoggerFactory.getLogger(AccountRegistry.class);

	private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Map<String, UsageConnector> connectors = new LinkedHashMap<>();

	private final boolean demoMode;

	public AccountRegistry(AccountsProperties properties, List<ConnectorFactory> factories,
			ObjectProvider<DemoAccounts> demoAccounts) {
		Map<Vendor, ConnectorFactory> byVendor = factories.stream()
			.collect(Collectors.toMap(ConnectorFactory::vendor, Function.identity()));
		List<AccountProperties> accounts = properties.accounts();
		this.demoMode = accounts.isEmpty();
		if (this.demoMode) {
			accounts = demoAccounts.orderedStream().flatMap((demo) -> demo.accounts().stream()).toList();
			logger.warn("No vendor accounts configured (deskgraph.accounts): demo mode with {} simulator account(s)",
					accounts.size());
		}
		for (AccountProperties account : accounts) {
			validate(account);
			ConnectorFactory factory = byVendor.get(account.vendor());
			if (factory == null) {
				logger.warn("Account {}: no {} connector in this version; every question reports it UNSUPPORTED",
						account.id(), account.vendor());
			}
			this.connectors.put(account.id(),
					(factory != null) ? factory.create(account) : new UnsupportedVendorConnector(account));
			logger.info("Account {} ({} {}) ready", account.id(), account.vendor(), account.region());
		}
	}

	private void validate(AccountProperties account) {
		if (account.id() == null || !ACCOUNT_ID.matcher(account.id()).matches()) {
			throw new IllegalArgumentException("deskgraph.accounts: id '" + account.id()
					+ "' must be 1 to 64 letters, digits, '-' or '_' (it becomes part of global ids)");
		}
		if (this.connectors.containsKey(account.id())) {
			throw new IllegalArgumentException("deskgraph.accounts: id '" + account.id() + "' is configured twice");
		}
		if (account.vendor() == null) {
			throw new IllegalArgumentException("deskgraph.accounts[" + account.id() + "]: vendor is required; one of "
					+ Arrays.toString(Vendor.values()));
		}
		if (account.region() == null || account.region().isBlank()) {
			throw new IllegalArgumentException("deskgraph.accounts[" + account.id() + "]: region is required");
		}
	}

	/**
	 * Whether DeskGraph runs against its embedded simulators.
	 * @return true in demo mode
	 */
	public boolean isDemoMode() {
		return this.demoMode;
	}

	/**
	 * All accounts, in configuration order.
	 * @return the accounts
	 */
	public List<Account> accounts() {
		return accounts(AccountScope.all());
	}

	/**
	 * The accounts a caller may see, in configuration order.
	 * @param scope the caller's scope
	 * @return the accounts within the scope
	 */
	public List<Account> accounts(AccountScope scope) {
		return visible(scope).map(UsageConnector::account).toList();
	}

	/**
	 * Whether an account id names a configured account.
	 * @param accountId the account id
	 * @return true if the account is configured
	 */
	public boolean contains(String accountId) {
		return this.connectors.containsKey(accountId);
	}

	/**
	 * Selects the accounts a query asks for.
	 * @param vendors only these vendors, or {@code null} for all
	 * @param accountIds only these accounts, or {@code null} for all
	 * @return the connectors, in configuration order
	 * @throws InvalidArgumentException for unknown account ids or an empty selection
	 */
	public List<UsageConnector> select(@Nullable Collection<Vendor> vendors, @Nullable Collection<String> accountIds) {
		return select(AccountScope.all(), vendors, accountIds);
	}

	/**
	 * Selects the accounts a query asks for among those a caller may see; an account
	 * outside the scope is reported exactly like an unknown one.
	 * @param scope the caller's scope
	 * @param vendors only these vendors, or {@code null} for all
	 * @param accountIds only these accounts, or {@code null} for all
	 * @return the connectors, in configuration order
	 * @throws InvalidArgumentException for unknown account ids or an empty selection
	 */
	public List<UsageConnector> select(AccountScope scope, @Nullable Collection<Vendor> vendors,
			@Nullable Collection<String> accountIds) {
		if (accountIds != null) {
			for (String id : accountIds) {
				if (!this.connectors.containsKey(id) || !scope.allows(id)) {
					throw unknownAccount(scope, "accountIds", id);
				}
			}
		}
		Set<Vendor> vendorSet = (vendors != null) ? Set.copyOf(vendors) : null;
		Set<String> idSet = (accountIds != null) ? Set.copyOf(accountIds) : null;
		List<UsageConnector> selected = new ArrayList<>();
		for (UsageConnector connector : visible(scope).toList()) {
			Account account = connector.account();
			if ((vendorSet == null || vendorSet.contains(account.vendor()))
					&& (idSet == null || idSet.contains(account.id()))) {
				selected.add(connector);
			}
		}
		if (selected.isEmpty()) {
			String argument = (vendors != null) ? "vendors" : "accountIds";
			throw new InvalidArgumentException(argument, "no configured account matches vendors " + vendors
					+ " and accountIds " + accountIds + "; configured accounts: " + describe(scope));
		}
		return selected;
	}

	/**
	 * Finds one account's connector.
	 * @param accountId the account id
	 * @param argument the argument the id came in, named in the error
	 * @return the connector
	 * @throws InvalidArgumentException if no such account is configured
	 */
	public UsageConnector get(String accountId, String argument) {
		return get(AccountScope.all(), accountId, argument);
	}

	/**
	 * Finds one account's connector among those a caller may see; an account outside the
	 * scope is reported exactly like an unknown one.
	 * @param scope the caller's scope
	 * @param accountId the account id
	 * @param argument the argument the id came in, named in the error
	 * @return the connector
	 * @throws InvalidArgumentException if no such account is configured or visible
	 */
	public UsageConnector get(AccountScope scope, String accountId, String argument) {
		UsageConnector connector = this.connectors.get(accountId);
		if (connector == null || !scope.allows(accountId)) {
			throw unknownAccount(scope, argument, accountId);
		}
		return connector;
	}

	private Stream<UsageConnector> visible(AccountScope scope) {
		return this.connectors.values().stream().filter((connector) -> scope.allows(connector.account().id()));
	}

	private InvalidArgumentException unknownAccount(AccountScope scope, String argument, String id) {
		return new InvalidArgumentException(argument,
				"unknown account '" + id + "'; configured accounts: " + describe(scope));
	}

	private String describe(AccountScope scope) {
		return visible(scope).map((connector) -> connector.account().id() + " (" + connector.account().vendor() + ")")
			.collect(Collectors.joining(", "));
	}

}
