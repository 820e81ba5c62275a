package io.deskgraph.connector.huawei;

import java.net.URI;

import io.deskgraph.connector.AccountDays;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorInfrastructure;
import io.deskgraph.connector.VendorConnectorFactory;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Builds a {@link HuaweiUsageConnector} for each configured Huawei Cloud Workspace
 * account, authenticated by AK/SK signing or by an IAM token.
 *
 * @author DeskGraph
 */
@Component
public class HuaweiConnectorFactory extends VendorConnectorFactory<HuaweiUsageConnector> {

	private final HuaweiProperties properties;

	/**
	 * Creates a factory.
	 * @param infrastructure what every vendor client is built from
	 * @param properties settings shared by every Huawei connector
	 */
	public HuaweiConnectorFactory(ConnectorInfrastructure infrastructure, HuaweiProperties properties) {
		super(Vendor.HUAWEI, infrastructure);
		this.properties = properties;
	}

	@Override
	public HuaweiUsageConnector connector(AccountProperties account) {
		String id = account.id();
		checked(account);
		// A Huawei project lives in one region: a list of others would be shown on
		// Account.regions and never asked.
		if (account.regions() != null
				&& account.regions().stream().anyMatch((region) -> !region.equals(account.region()))) {
			throw new IllegalArgumentException("Huawei account '" + id + "' has regions " + account.regions()
					+ ": a Huawei project covers its region alone; configure one account per project and region");
		}
		String projectId = require(account, "project-id", account.projectId());
		URI endpoint = endpoint(account);
		HuaweiSigningFilter authentication = authentication(account, projectId);
		HuaweiWorkspaceClient client = new HuaweiWorkspaceClient(this.infrastructure, endpoint, id, projectId,
				authentication, this.properties, AccountDays.of(account.account(), this.infrastructure.clock()));
		return new HuaweiUsageConnector(account.account(), client, this.properties, this.infrastructure.drains(),
				this.infrastructure.clock());
	}

	private HuaweiSigningFilter authentication(AccountProperties account, String projectId) {
		if (StringUtils.hasText(account.authToken())) {
			return HuaweiSigningFilter.token(projectId, account.authToken());
		}
		String missing = missingKeys(account);
		if (missing != null) {
			throw new IllegalArgumentException("Huawei account '" + account.id()
					+ "' needs access-key and secret-key, or auth-token; " + missing + " is missing");
		}
		String securityToken = securityToken(account);
		return HuaweiSigningFilter.akSk(projectId, account.accessKey(), account.secretKey(), securityToken,
				this.infrastructure.clock());
	}

	static URI endpoint(AccountProperties account) {
		if (account.endpoint() == null) {
			require(account, "region", account.region());
		}
		return account.endpointOr(URI.create("https://workspace." + account.region() + ".myhuaweicloud.com"));
	}

	private static String require(AccountProperties account, String property, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException("Huawei account '" + account.id() + "' needs " + property
					+ " (deskgraph.accounts[n]." + property + ")");
		}
		return value;
	}

}
