package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorInfrastructure;
import io.deskgraph.connector.VendorConnectorFactory;
import io.deskgraph.usage.Account;
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

	/**
	 * What an Alibaba Cloud region id looks like ({@code cn-shanghai},
	 * {@code ap-southeast-1}, {@code cn-shanghai-finance-1}): it becomes part of an
	 * endpoint's host name.
	 */
	private static final Pattern REGION_ID = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

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
		Account covered = account.account();
		Map<String, URI> endpoints = new LinkedHashMap<>();
		for (String region : covered.regions()) {
			if (!REGION_ID.matcher(region).matches()) {
				throw new IllegalArgumentException("Alibaba account '" + id + "' has region '" + region
						+ "', which is not an Alibaba Cloud region id such as cn-shanghai (deskgraph.accounts[n].region"
						+ " and regions)");
			}
			endpoints.put(region, endpoint(account, region));
		}
		String securityToken = securityToken(account);
		AlibabaSigningFilter signing = new AlibabaSigningFilter(account.accessKey(), account.secretKey(), securityToken,
				this.infrastructure.clock());
		AlibabaEcdClient client = new AlibabaEcdClient(this.infrastructure, endpoints, id, account.region(), signing,
				this.properties);
		return new AlibabaUsageConnector(covered, client, account.bizType(), this.properties,
				this.infrastructure.drains(), this.infrastructure.clock());
	}

	/**
	 * The account's endpoint: the configured one, else the public ECD endpoint of its
	 * region.
	 * @param account the account
	 * @return for example {@code https://ecd.cn-shanghai.aliyuncs.com}
	 */
	static URI endpoint(AccountProperties account) {
		return endpoint(account, account.region());
	}

	/**
	 * The endpoint of one of the account's regions: the configured one (which then serves
	 * every region, named by {@code RegionId}), else the public ECD endpoint of the
	 * region.
	 * @param account the account
	 * @param region one of the regions it covers
	 * @return for example {@code https://ecd.cn-hangzhou.aliyuncs.com}
	 */
	static URI endpoint(AccountProperties account, String region) {
		return account.endpointOr(URI.create("https://ecd." + region + ".aliyuncs.com"));
	}

}
