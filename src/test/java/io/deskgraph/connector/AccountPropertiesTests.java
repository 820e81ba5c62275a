package io.deskgraph.connector;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.deskgraph.usage.Account;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AccountProperties}: the day zone, aggregation hour and enterprise
 * project of an account as configured and defaulted.
 *
 * @author DeskGraph
 */
class AccountPropertiesTests {

	@Test
	void dayZoneAggregationHourAndEnterpriseProjectAreBoundFromTheConfiguration() {
		Account account = bind(Map.of("vendor", "HUAWEI", "project-id", "pid", "day-zone", "Asia/Shanghai",
				"aggregation-hour", "5", "enterprise-project-id", "6f1c2e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6"));
		assertThat(account.dayZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(account.aggregationHour()).isEqualTo(5);
		assertThat(account.enterpriseProjectId()).isEqualTo("6f1c2e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6");
	}

	@Test
	void accountsWithoutSettingsHaveUtcDaysAggregatedAtTwoAndNoProject() {
		for (String vendor : new String[] { "HUAWEI", "ALIBABA" }) {
			Account account = bind(Map.of("vendor", vendor));
			assertThat(account.dayZone()).isEqualTo(ZoneId.of("UTC"));
			assertThat(account.aggregationHour()).isEqualTo(2);
			assertThat(account.enterpriseProjectId()).isNull();
		}
	}

	@Test
	void enterpriseProjectIsTheDefaultProjectOrAUuidOnHuaweiAccountsOnly() {
		assertThat(bind(Map.of("vendor", "HUAWEI", "enterprise-project-id", "0")).enterpriseProjectId()).isEqualTo("0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bind(Map.of("vendor", "HUAWEI", "enterprise-project-id", "marketing")))
			.withMessageContaining("deskgraph.accounts[acct].enterprise-project-id must be \"0\"")
			.withMessageContaining("'marketing'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bind(Map.of("vendor", "ALIBABA", "enterprise-project-id", "0")))
			.withMessageContaining("is a Huawei setting; ALIBABA has no enterprise projects");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bind(Map.of("vendor", "HUAWEI", "aggregation-hour", "24")))
			.withMessageContaining("aggregation-hour must be 0 to 23");
	}

	private static Account bind(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		all.put("deskgraph.accounts[0].id", "acct");
		all.put("deskgraph.accounts[0].region", "cn-north-4");
		settings.forEach((key, value) -> all.put("deskgraph.accounts[0]." + key, value));
		AccountsProperties bound = new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("deskgraph",
				AccountsProperties.class);
		return bound.accounts().get(0).account();
	}

}
