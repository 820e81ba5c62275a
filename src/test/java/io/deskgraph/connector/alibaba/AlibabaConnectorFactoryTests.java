package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.lang.Nullable;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AlibabaConnectorFactory} and {@link AlibabaProperties}.
 *
 * @author DeskGraph
 */
class AlibabaConnectorFactoryTests {

	private final AlibabaConnectorFactory factory = new AlibabaConnectorFactory(
			TestUpstream.infrastructure(Clock.systemUTC()), AlibabaProperties.DEFAULTS);

	@Test
	void buildsAConnectorForAnAccessKey() {
		AlibabaUsageConnector connector = this.factory
			.connector(account("LTAIak", "super-secret", null, URI.create("http://127.0.0.1:1")));
		assertThat(connector.account()).isEqualTo(new Account("ali-prod", Vendor.ALIBABA, "cn-shanghai", "Prod"));
		assertThat(this.factory.vendor()).isEqualTo(Vendor.ALIBABA);
		assertThat(this.factory.create(account("LTAIak", "super-secret", "sts-token", null)).account().id())
			.isEqualTo("ali-prod");
	}

	@Test
	void endpointDefaultsToThePublicEcdEndpointOfTheRegion() {
		assertThat(AlibabaConnectorFactory.endpoint(account("AK", "SK", null, null)))
			.isEqualTo(URI.create("https://ecd.cn-shanghai.aliyuncs.com"));
		assertThat(AlibabaConnectorFactory.endpoint(account("AK", "SK", null, URI.create("http://127.0.0.1:18082"))))
			.isEqualTo(URI.create("http://127.0.0.1:18082"));
	}

	@Test
	void eachRegionIsCalledAtItsPublicEndpointOrAtTheConfiguredOne() {
		assertThat(AlibabaConnectorFactory.endpoint(account("AK", "SK", null, null), "cn-hangzhou"))
			.isEqualTo(URI.create("https://ecd.cn-hangzhou.aliyuncs.com"));
		assertThat(AlibabaConnectorFactory.endpoint(account("AK", "SK", null, URI.create("http://127.0.0.1:18082")),
				"cn-hangzhou"))
			.isEqualTo(URI.create("http://127.0.0.1:18082"));
	}

	@Test
	void accountCoversItsRegionsItsOwnFirst() {
		AlibabaUsageConnector connector = this.factory
			.connector(regions(List.of("cn-beijing", "cn-shanghai", "cn-hangzhou", "cn-beijing")));
		assertThat(connector.account().region()).isEqualTo("cn-shanghai");
		assertThat(connector.account().regions()).containsExactly("cn-shanghai", "cn-beijing", "cn-hangzhou");
	}

	@Test
	void regionsThatAreNoRegionIdsAreRejected() {
		for (String region : List.of("CN-HANGZHOU", "hangzhou", "cn_hangzhou", "cn-hangzhou.evil.example", "cn-")) {
			assertThatIllegalArgumentException().as(region)
				.isThrownBy(() -> this.factory.create(regions(List.of(region))))
				.withMessageContaining("ali-prod")
				.withMessageContaining("'" + region + "'")
				.withMessageContaining("not an Alibaba Cloud region id");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(regions(List.of(" "))))
			.withMessageContaining("regions has a blank entry");
	}

	@Test
	void missingCredentialIsNamedWithoutRevealingTheOther() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(account(null, "super-secret", null, null)))
			.withMessageContaining("ali-prod")
			.withMessageContaining("access-key is missing")
			.withMessageNotContaining("super-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(account("AK", " ", null, null)))
			.withMessageContaining("secret-key is missing");
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(account(null, null, null, null)))
			.withMessageContaining("access-key and secret-key is missing");
	}

	@Test
	void relativeEndpointIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(account("AK", "SK", null, URI.create("ecd.local"))))
			.withMessageContaining("not an absolute http(s) URL");
	}

	@Test
	void otherVendorsAccountsAreRejected() {
		AccountProperties huawei = new AccountProperties("hw", Vendor.HUAWEI, "cn-north-4", null, null, "pid", "AK",
				"SK", null, null, null, null, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(huawei))
			.withMessageContaining("not an Alibaba account");
	}

	@Test
	void propertiesHaveSafeDefaults() {
		AlibabaProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("deskgraph.alibaba", AlibabaProperties.class);
		assertThat(bound).isEqualTo(AlibabaProperties.DEFAULTS);
		assertThat(bound.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(bound.dayFetchConcurrency()).isEqualTo(4);
		assertThat(bound.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(16));
		AlibabaProperties custom = new Binder(new MapConfigurationPropertySource(
				Map.of("deskgraph.alibaba.day-fetch-concurrency", "3", "deskgraph.alibaba.response-timeout", "2s")))
			.bindOrCreate("deskgraph.alibaba", AlibabaProperties.class);
		assertThat(custom.dayFetchConcurrency()).isEqualTo(3);
		assertThat(custom.responseTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new AlibabaProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, DataSize.ofMegabytes(1)))
			.withMessageContaining("day-fetch-concurrency");
	}

	private static AccountProperties regions(List<String> regions) {
		return new AccountProperties("ali-prod", Vendor.ALIBABA, "cn-shanghai", "Prod", null, null, "AK", "SK", null,
				null, null, regions, null, null, null);
	}

	private static AccountProperties account(@Nullable String accessKey, @Nullable String secretKey,
			@Nullable String securityToken, @Nullable URI endpoint) {
		return new AccountProperties("ali-prod", Vendor.ALIBABA, "cn-shanghai", "Prod", endpoint, null, accessKey,
				secretKey, securityToken, null, null, null, null, null, null);
	}

}
