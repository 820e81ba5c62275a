package io.deskgraph.connector.alibaba;

import java.net.URI;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorInfrastructure;
import io.deskgraph.connector.VendorConnectorFactory;
import io.deskgraph.usage.Vendor;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Builds an {@link AlibabaUsageConnector} for each configured Alibaba Cloud ECD account,
 * signing with its AccessKey and, for temporary credentials, its STS token.
 *
 * @author DeskGraph
 */
@Component
public class AlibabaConnectorFactory extends VendorConnectorFactory<AlibabaUsageConnector> {

	private final AlibabaProperties properties;

	/**
	 * Creates a factory.
	 * @param infrastructure what every vendor client is built from
	 * @param properties settings shared by every Alibaba connector
	 */
	public AlibabaConnectorFactory(ConnectorInfrastructure infrastructure, AlibabaProperties properties) {
		super(Vendor.ALIBABA, infrastructure);
		this.properties = properties;
	}

	@Override
	public AlibabaUsageConnector connector(AccountProperties account) {
		String id = account.id();
		checked(account);
		if (!StringUtils.hasText(account.region())) {
			throw new IllegalArgumentException(
					"Alibaba account '" + id + "' needs region (deskgraph.accounts[n].region)");
		}
		String missing = missingKeys(account);
		if (missing != null) {
			throw new IllegalArgumentException(
					"Alibaba account '" + id + "' needs access-key (AccessKey ID) and secret-key (AccessKey secret); "
							+ missing + " is missing");
		}
		String securityToken = securityToken(account);
		AlibabaSigningFilter signing = new AlibabaSigningFilter(account.accessKey(), account.secretKey(), securityToken,
				this.infrastructure.clock());
		AlibabaEcdClient client = new AlibabaEcdClient(this.infrastructure, endpoint(account), id, account.region(),
				signing, this.properties);
		return new AlibabaUsageConnector(account.account(), client, account.bizType(), this.properties,
				this.infrastructure.drains(), this.infrastructure.clock());
	}

	/**
	 * The account's endpoint: the configured one, else the public ECD endpoint of its
	 * region.
	 * @param account the account
	 * @return for example {@code https://ecd.cn-shanghai.aliyuncs.com}
	 */
	static URI endpoint(AccountProperties account) {
		return account.endpointOr(URI.create("https://ecd." + account.region() + ".aliyuncs.com"));
	}

}
