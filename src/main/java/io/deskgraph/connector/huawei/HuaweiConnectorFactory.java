package io.deskgraph.connector.huawei;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.ConnectorFactory;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link HuaweiUsageConnector} for each configured Huawei Cloud Workspace
 * account, authenticated by AK/SK signing or by an IAM token.
 *
 * @author DeskGraph
 */
@Component
public class HuaweiConnectorFactory implements ConnectorFactory {

	private final WebClient.Builder webClientBuilder;

	private final HuaweiProperties properties;

	private final ObjectMapper objectMapper;

	private final UpstreamExecutor upstream;

	private final Clock clock;

	/**
	 * Creates a factory.
	 * @param webClientBuilder the Boot-configured builder each client is cloned from
	 * @param properties settings shared by every Huawei connector
	 * @param objectMapper writes request bodies and reads answers
	 * @param upstream the cache and resilience chain every vendor call goes through
	 * @param clock the clock signatures and date windows are computed from
	 */
	public HuaweiConnectorFactory(WebClient.Builder webClientBuilder, HuaweiProperties properties,
			ObjectMapper objectMapper, UpstreamExecutor upstream, Clock clock) {
		this.webClientBuilder = webClientBuilder;
		this.upstream = upstream;
		this.properties = properties;
		this.objectMapper = objectMapper;
		this.clock = clock;
	}

	@Override
	public Vendor vendor() {
		return Vendor.HUAWEI;
	}

	@Override
	public UsageConnector create(AccountProperties account) {
		return connector(account);
	}

	/**
	 * Builds a connector, typed as the Huawei implementation.
	 * @param account the account's configuration
	 * @return the connector
	 * @throws IllegalArgumentException if the account is not a usable Huawei account; the
	 * message names the account and the missing property, never a secret
	 */
	public HuaweiUsageConnector connector(AccountProperties account) {
		String id = account.id();
		if (account.vendor() != Vendor.HUAWEI) {
			throw new IllegalArgumentException(
					"Account '" + id + "' is a " + account.vendor() + " account, not a Huawei account");
		}
		String projectId = require(account, "project-id", account.projectId());
		URI endpoint = endpoint(account);
		HuaweiSigningFilter authentication = authentication(account, projectId);
		HuaweiWorkspaceClient client = new HuaweiWorkspaceClient(this.webClientBuilder, endpoint, id, projectId,
				authentication, this.properties, this.objectMapper, this.upstream, this.clock);
		return new HuaweiUsageConnector(new Account(id, Vendor.HUAWEI, account.region(), account.name()), client,
				this.properties, this.clock);
	}

	private HuaweiSigningFilter authentication(AccountProperties account, String projectId) {
		if (StringUtils.hasText(account.authToken())) {
			return HuaweiSigningFilter.token(projectId, account.authToken());
		}
		boolean hasAccessKey = StringUtils.hasText(account.accessKey());
		boolean hasSecretKey = StringUtils.hasText(account.secretKey());
		if (!hasAccessKey || !hasSecretKey) {
			String missing = (!hasAccessKey && !hasSecretKey) ? "access-key and secret-key"
					: (!hasAccessKey) ? "access-key" : "secret-key";
			throw new IllegalArgumentException("Huawei account '" + account.id()
					+ "' needs access-key and secret-key, or auth-token; " + missing + " is missing");
		}
		String securityToken = StringUtils.hasText(account.securityToken()) ? account.securityToken() : null;
		return HuaweiSigningFilter.akSk(projectId, account.accessKey(), account.secretKey(), securityToken, this.clock);
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
