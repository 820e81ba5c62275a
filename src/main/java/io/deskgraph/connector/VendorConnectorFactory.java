package io.deskgraph.connector;

import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Base of the vendors' connector factories: the {@link ConnectorInfrastructure} every
 * vendor client is built from and the checks of an account's configuration they share.
 *
 * @param <C> the vendor's connector type
 * @author DeskGraph
 */
public abstract class VendorConnectorFactory<C extends UsageConnector> implements ConnectorFactory {

	private final Vendor vendor;

	protected final ConnectorInfrastructure infrastructure;

	/**
	 * Creates a factory.
	 * @param vendor the vendor it builds connectors for
	 * @param infrastructure what every vendor client is built from
	 */
	protected VendorConnectorFactory(Vendor vendor, ConnectorInfrastructure infrastructure) {
		this.vendor = vendor;
		this.infrastructure = infrastructure;
	}

	@Override
	public Vendor vendor() {
		return this.vendor;
	}

	@Override
	public UsageConnector create(AccountProperties account) {
		return connector(checked(account));
	}

	/**
	 * Builds the connector of an account, typed as the vendor's implementation.
	 * @param account the account's configuration
	 * @return the connector
	 * @throws IllegalArgumentException if the account is not a usable account of this
	 * vendor; the message names the account and what is missing, never a secret
	 */
	public abstract C connector(AccountProperties account);

	/**
	 * An account, checked to be of this factory's vendor.
	 * @param account the account's configuration
	 * @return the account
	 * @throws IllegalArgumentException naming the account and both vendors otherwise
	 */
	protected AccountProperties checked(AccountProperties account) {
		if (account.vendor() != this.vendor) {
			String article = "AEIOU".indexOf(this.vendor.displayName().charAt(0)) >= 0 ? "an " : "a ";
			throw new IllegalArgumentException("Account '" + account.id() + "' is a " + account.vendor()
					+ " account, not " + article + this.vendor.displayName() + " account");
		}
		return account;
	}

	/**
	 * Which of an account's access key and secret key are missing.
	 * @param account the account's configuration
	 * @return for example {@code "secret-key"}, or {@code null} when both are set
	 */
	@Nullable
	protected static String missingKeys(AccountProperties account) {
		boolean hasAccessKey = StringUtils.hasText(account.accessKey());
		boolean hasSecretKey = StringUtils.hasText(account.secretKey());
		if (hasAccessKey && hasSecretKey) {
			return null;
		}
		return (!hasAccessKey && !hasSecretKey) ? "access-key and secret-key"
				: (!hasAccessKey) ? "access-key" : "secret-key";
	}

	/**
	 * An account's security token of temporary credentials.
	 * @param account the account's configuration
	 * @return the token, or {@code null} when none is configured
	 */
	@Nullable
	protected static String securityToken(AccountProperties account) {
		return StringUtils.hasText(account.securityToken()) ? account.securityToken() : null;
	}

}
