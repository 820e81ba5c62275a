package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorFactory;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds an {@link AlibabaUsageConnector} for each configured Alibaba Cloud ECD account,
 * signing with its AccessKey and, for temporary credentials, its STS token.
 *
 * @author DeskGraph
 */
@Component
public class AlibabaConnectorFactory implements ConnectorFactory {

	private final WebClient.Builder webClientBuilder;

	private final AlibabaProperties properties;

	private final ObjectMapper objectMapper;

	private final UpstreamExecutor upstream;

	private final Clock clock;

	/**
	 * Creates a factory.
	 * @param webClientBuilder the Boot-configured builder each client is cloned from
	 * @param properties settings shared by every Alibaba connector
	 * @param objectMapper reads answers
	 * @param upstream the cache and resilience chain every vendor call goes through
	 * @param clock the clock signatures and the 90-day window are computed from
	 */
	public AlibabaConnectorFactory(WebClient.Builder webClientBuilder, AlibabaProperties properties,
			ObjectMapper objectMapper, UpstreamExecutor upstream, Clock clock) {
		this.webClientBuilder = webClientBuilder;
		this.upstream = upstream;
		this.properties = properties;
		this.objectMapper = objectMapper;
		this.clock = clock;
	}

	@Override
	public Vendor vendor() {
		return Vendor.ALIBABA;
	}

	@Override
	public UsageConnector create(AccountProperties account) {
		return connector(account);
	}

	/**
	 * Builds a connector, typed as the Alibaba implementation.
	 * @param account the account's configuration
	 * @return the connector
	 * @throws IllegalArgumentException if the account is not a usable Alibaba account;
	 * the message names the account and the missing property, never a secret
	 */
	public AlibabaUsageConnector connector(AccountProperties account) {
		String id = account.id();
		if (account.vendor() != Vendor.ALIBABA) {
			throw new IllegalArgumentException(
					"Account '" + id + "' is a " + account.vendor() + " account, not an Alibaba account");
		}
		if (!StringUtils.hasText(account.region())) {
			throw new IllegalArgumentException(
					"Alibaba account '" + id + "' needs region (deskgraph.accounts[n].region)");
		}
		boolean hasAccessKey = StringUtils.hasText(account.accessKey());
		boolean hasSecretKey = StringUtils.hasText(account.secretKey());
		if (!hasAccessKey || !hasSecretKey) {
			String missing = (!hasAccessKey && !hasSecretKey) ? "access-key and secret-key"
					: (!hasAccessKey) ? "access-key" : "secret-key";
			throw new IllegalArgumentException(
					"Alibaba account '" + id + "' needs access-key (AccessKey ID) and secret-key (AccessKey secret); "
							+ missing + " is missing");
		}
		String securityToken = StringUtils.hasText(account.securityToken()) ? account.securityToken() : null;
		AlibabaSigningFilter signing = new AlibabaSigningFilter(account.accessKey(), account.secretKey(), securityToken,
				this.clock);
		AlibabaEcdClient client = new AlibabaEcdClient(this.webClientBuilder, endpoint(account), id, account.region(),
				signing, this.properties, this.objectMapper, this.upstream, this.clock);
		return new AlibabaUsageConnector(new Account(id, Vendor.ALIBABA, account.region(), account.name()), client,
				account.bizType(), this.properties, this.clock);
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
