package io.deskgraph.connector.huawei;

import java.net.URI;
import java.util.List;
import java.time.Clock;

import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HuaweiConnectorFactory}.
 *
 * @author DeskGraph
 */
class HuaweiConnectorFactoryTests {

	private final HuaweiConnectorFactory factory = new HuaweiConnectorFactory(
			TestUpstream.infrastructure(Clock.systemUTC()), HuaweiProperties.DEFAULTS);

	@Test
	void buildsAnAccountForAkSkCredentials() {
		HuaweiUsageConnector connector = this.factory
			.connector(account("pid", "AK", "super-secret", null, URI.create("http://127.0.0.1:1")));
		assertThat(connector.account().id()).isEqualTo("hw-prod");
		assertThat(connector.account().vendor()).isEqualTo(Vendor.HUAWEI);
		assertThat(connector.account().region()).isEqualTo("cn-north-4");
		assertThat(this.factory.vendor()).isEqualTo(Vendor.HUAWEI);
	}

	@Test
	void anIamTokenIsEnoughWithoutKeys() {
		assertThat(this.factory.create(account("pid", null, null, "token", null)).account().id()).isEqualTo("hw-prod");
	}

	@Test
	void endpointDefaultsToThePublicEndpointOfTheRegion() {
		assertThat(HuaweiConnectorFactory.endpoint(account("pid", "AK", "SK", null, null)))
			.isEqualTo(URI.create("https://workspace.cn-north-4.myhuaweicloud.com"));
	}

	@Test
	void missingProjectIdIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(account(" ", "AK", "SK", null, null)))
			.withMessageContaining("hw-prod")
			.withMessageContaining("project-id");
	}

	@Test
	void missingCredentialIsNamedWithoutRevealingTheOther() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(account("pid", null, "super-secret", null, null)))
			.withMessageContaining("hw-prod")
			.withMessageContaining("access-key is missing")
			.withMessageNotContaining("super-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(account("pid", "AK", null, null, null)))
			.withMessageContaining("secret-key is missing");
	}

	@Test
	void relativeEndpointIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(account("pid", "AK", "SK", null, URI.create("workspace.local"))))
			.withMessageContaining("not an absolute http(s) URL");
	}

	@Test
	void regionsBeyondTheProjectsOwnAreRejected() {
		AccountProperties twoRegions = new AccountProperties("hw-prod", Vendor.HUAWEI, "cn-north-4", null, null, "pid",
				"AK", "SK", null, null, null, List.of("cn-north-4", "cn-east-3"), null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(twoRegions))
			.withMessageContaining("hw-prod")
			.withMessageContaining("cn-east-3");
		AccountProperties ownRegion = new AccountProperties("hw-prod", Vendor.HUAWEI, "cn-north-4", null, null, "pid",
				"AK", "SK", null, null, null, List.of("cn-north-4"), null, null, null);
		assertThat(this.factory.create(ownRegion).account().regions()).containsExactly("cn-north-4");
	}

	@Test
	void otherVendorsAccountsAreRejected() {
		AccountProperties alibaba = new AccountProperties("ali", Vendor.ALIBABA, "cn-shanghai", null, null, null, "AK",
				"SK", null, null, null, null, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.create(alibaba))
			.withMessageContaining("not a Huawei account");
	}

	private static AccountProperties account(String projectId, @Nullable String accessKey, @Nullable String secretKey,
			@Nullable String authToken, @Nullable URI endpoint) {
		return new AccountProperties("hw-prod", Vendor.HUAWEI, "cn-north-4", null, endpoint, projectId, accessKey,
				secretKey, null, authToken, null, null, null, null, null);
	}

}
