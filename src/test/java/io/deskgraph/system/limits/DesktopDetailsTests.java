package io.deskgraph.system.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopDetailInfo;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsDetailRequest;
import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that desktops named by id (federation {@code _entities}, {@code desktopUsage}
 * with {@code desktopIds}) get their name, region, state, billing mode and spec from one
 * vendor lookup per account, only when selected, and resolve without them when the lookup
 * fails; over real HTTP against the Huawei simulator, checked with the official SDK.
 *
 * @author DeskGraph
 */
@TestPropertySource(
		properties = { "deskgraph.upstream.retry.first-backoff=20ms", "deskgraph.limits.request-deadline=4s" })
class DesktopDetailsTests extends DefaultLimitsTestSupport {

	private static final String DETAILS = "id vendor accountId nativeId name region state vendorState billingMode vendorBillingMode spec";

	@AfterEach
	void clearFaults() {
		faults(Map.of("errorRate", 0));
	}

	@Test
	void entitiesGetNameStateAndBillingAsTheSdkListsThemInOneVendorCall() {
		List<HuaweiDesktop> desktops = oneOfEachRunState();
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { " + DETAILS + " } } }",
				Map.of("r", representations(desktops)));
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		List<Map<String, Object>> entities = entities(response);
		assertThat(entities).hasSize(desktops.size());
		// One vendor call for every entity of the account, before the SDK's own below.
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
		assertThat(vendorCalls()).isOne();
		List<DesktopDetailInfo> listed = sdk()
			.listDesktopsDetail(
					new ListDesktopsDetailRequest().withDesktopId(desktops.stream().map(HuaweiDesktop::id).toList()))
			.getDesktops();
		assertThat(listed).hasSize(desktops.size());
		for (Map<String, Object> entity : entities) {
			DesktopDetailInfo vendor = listed.stream()
				.filter((detail) -> detail.getDesktopId().equals(entity.get("nativeId")))
				.findFirst()
				.orElseThrow();
			assertThat(entity).containsEntry("id", "huawei:huawei-demo:" + vendor.getDesktopId())
				.containsEntry("vendor", "HUAWEI")
				.containsEntry("accountId", "huawei-demo")
				.containsEntry("name", vendor.getComputerName())
				.containsEntry("region", "cn-north-4")
				.containsEntry("vendorState", vendor.getStatus())
				.containsEntry("vendorBillingMode", vendor.getProduct().getChargeMode())
				.containsEntry("spec", vendor.getProduct().getProductId())
				.containsEntry("billingMode",
						vendor.getProduct().getChargeMode().equals("0") ? "SUBSCRIPTION" : "PAY_AS_YOU_GO")
				.containsEntry("state", switch (vendor.getStatus()) {
					case "SHUTOFF" -> "STOPPED";
					default -> vendor.getStatus();
				});
		}
		assertThat(entities).extracting((entity) -> entity.get("state"))
			.containsExactlyInAnyOrder("ACTIVE", "STOPPED", "HIBERNATED", "ERROR", entities.get(4).get("state"));
		assertThat(entities).extracting((entity) -> entity.get("billingMode"))
			.contains("SUBSCRIPTION", "PAY_AS_YOU_GO");
	}

	@Test
	void specAloneAsksTheDetailListingAndIsTheProductTheDesktopWasBoughtAs() {
		List<HuaweiDesktop> desktops = oneOfEachRunState();
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { nativeId spec } } }",
				Map.of("r", representations(desktops)));
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		assertThat(entities(response)).extracting((entity) -> entity.get("spec"))
			.containsExactlyElementsOf(desktops.stream()
				.map((desktop) -> this.huawei.estate().product(desktop.id()).productId())
				.toList());
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
		assertThat(vendorCalls()).isOne();
	}

	@Test
	void entitiesWithoutVendorFieldsCostNoDetailCall() {
		List<HuaweiDesktop> desktops = oneOfEachRunState();
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id vendor nativeId } } }",
				Map.of("r", representations(desktops)));
		assertThat(response).doesNotContainKey("errors");
		assertThat(entities(response)).extracting((entity) -> entity.get("nativeId"))
			.containsExactlyElementsOf(desktops.stream().map(HuaweiDesktop::id).toList());
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void desktopUsageWithDesktopIdsNamesItsDesktops() {
		List<HuaweiDesktop> desktops = oneOfEachRunState();
		String ids = String.join(", ",
				desktops.stream().map((desktop) -> "\"huawei:huawei-demo:" + desktop.id() + "\"").toList());
		String range = "range: {from: \"" + today().minusDays(6) + "\", to: \"" + today().minusDays(1) + "\"}";
		Map<String, Object> response = post("{ desktopUsage(" + range + ", desktopIds: [" + ids
				+ "]) { edges { node { desktop { nativeId name state billingMode spec } } } } }");
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		List<Map<String, Object>> named = usageDesktops(response);
		assertThat(named).isNotEmpty();
		for (Map<String, Object> desktop : named) {
			HuaweiDesktop expected = this.huawei.estate().desktop((String) desktop.get("nativeId")).orElseThrow();
			assertThat(desktop).containsEntry("name", expected.name());
			assertThat(desktop.get("state")).isNotNull();
			assertThat(desktop.get("billingMode")).isIn("SUBSCRIPTION", "PAY_AS_YOU_GO");
			assertThat(desktop).containsEntry("spec", this.huawei.estate().product(expected.id()).productId());
		}
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
		// Without desktopIds, the same selection asks for no detail.
		Map<String, Object> all = post(
				"{ desktopUsage(" + range + ", vendors: [HUAWEI], first: 5) { edges { node { desktop { name } } } } }");
		assertThat(all).as("%s", all).doesNotContainKey("errors");
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
	}

	@Test
	void aFailedLookupLeavesTheEntitiesResolvedWithOneErrorNamingTheAccount() {
		List<HuaweiDesktop> desktops = oneOfEachRunState();
		faults(Map.of("errorRate", 1.0));
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id nativeId name state billingMode } } }",
				Map.of("r", representations(desktops)));
		List<Map<String, Object>> entities = entities(response);
		assertThat(entities).hasSize(desktops.size()).allSatisfy((entity) -> {
			assertThat(entity.get("id")).asString().startsWith("huawei:huawei-demo:");
			assertThat(entity.get("name")).isNull();
			assertThat(entity.get("state")).isNull();
			assertThat(entity.get("billingMode")).isNull();
		});
		assertThat(entities).extracting((entity) -> entity.get("nativeId"))
			.containsExactlyElementsOf(desktops.stream().map(HuaweiDesktop::id).toList());
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "UPSTREAM_UNAVAILABLE")
				.containsEntry("vendor", "HUAWEI")
				.containsEntry("accountId", "huawei-demo");
			assertThat((String) error.get("message")).contains("ListDesktopsDetail").contains("huawei-demo");
			assertThat((List<?>) error.get("path")).first().isEqualTo("_entities");
		});
		assertThat(huaweiCalls("ListDesktopsDetail")).isPositive();
		assertThat(calls(this.huawei.baseUrl()).keySet())
			.allSatisfy((operation) -> assertThat(operation.equals("ListDesktopsDetail") || huaweiCalls(operation) == 0)
				.isTrue());
	}

	@Test
	void aDesktopTheVendorDoesNotKnowHasNoNameAndANotFoundError() {
		HuaweiDesktop known = this.huawei.estate().desktops().get(0);
		String unknown = "huawei:huawei-demo:00000000-0000-4000-8000-000000000000";
		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { id name vendorState } } }",
				Map.of("r", List.of(Map.of("__typename", "Desktop", "id", unknown),
						Map.of("__typename", "Desktop", "id", "huawei:huawei-demo:" + known.id()))));
		List<Map<String, Object>> entities = entities(response);
		assertThat(entities.get(0)).containsEntry("id", unknown).containsEntry("name", null);
		assertThat(entities.get(1)).containsEntry("name", known.name());
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "NOT_FOUND")
				.containsEntry("accountId", "huawei-demo");
			assertThat((String) error.get("message")).contains(unknown).contains("huawei-demo");
		});
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
	}

	@Test
	void entitiesOfBothVendorsGetTheirDetailsFromEachVendorsListingInOneRequest() {
		// One Alibaba desktop of each region of the estate, and one Huawei desktop.
		List<AlibabaDesktop> alibabaDesktops = new ArrayList<>();
		for (String region : this.alibaba.estate().regions()) {
			alibabaDesktops.add(this.alibaba.estate()
				.desktops()
				.stream()
				.filter((desktop) -> desktop.regionId().equals(region))
				.findFirst()
				.orElseThrow());
		}
		assertThat(alibabaDesktops).hasSizeGreaterThan(1);
		HuaweiDesktop huaweiDesktop = this.huawei.estate().desktops().get(0);
		List<Map<String, Object>> representations = new ArrayList<>();
		alibabaDesktops.forEach((desktop) -> representations
			.add(Map.of("__typename", "Desktop", "id", "alibaba:alibaba-demo:" + desktop.desktopId())));
		representations.add(Map.of("__typename", "Desktop", "id", "huawei:huawei-demo:" + huaweiDesktop.id()));

		Map<String, Object> response = post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Desktop { " + DETAILS + " } } }",
				Map.of("r", representations));

		assertThat(response).as("%s", response).doesNotContainKey("errors");
		List<Map<String, Object>> entities = entities(response);
		for (int i = 0; i < alibabaDesktops.size(); i++) {
			AlibabaDesktop expected = alibabaDesktops.get(i);
			assertThat(entities.get(i)).containsEntry("vendor", "ALIBABA")
				.containsEntry("nativeId", expected.desktopId())
				.containsEntry("name", expected.desktopName())
				.containsEntry("region", expected.regionId())
				.containsEntry("vendorState", expected.desktopStatus())
				.containsEntry("state", alibabaState(expected.desktopStatus()))
				.containsEntry("vendorBillingMode", expected.chargeType())
				.containsEntry("billingMode", alibabaBillingMode(expected.chargeType()))
				.containsEntry("spec", expected.desktopType());
		}
		assertThat(entities.get(alibabaDesktops.size())).containsEntry("name", huaweiDesktop.name())
			.containsEntry("spec", this.huawei.estate().product(huaweiDesktop.id()).productId());
		// Alibaba asks the account's regions in turn with the ids not found yet, one
		// DesktopId-filtered DescribeDesktops each; Huawei one listing.
		Map<String, Number> alibabaCalls = calls(this.alibaba.baseUrl());
		assertThat(alibabaCalls.get("DescribeDesktops").intValue()).isEqualTo(alibabaDesktops.size());
		assertThat(alibabaCalls.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(alibabaDesktops.size());
		assertThat(huaweiCalls("ListDesktopsDetail")).isOne();
	}

	private static String alibabaState(String status) {
		return switch (status) {
			case "Running", "Pending", "Starting", "Rebuilding" -> "ACTIVE";
			case "Stopped", "Stopping" -> "STOPPED";
			case "Hibernated" -> "HIBERNATED";
			default -> "ERROR";
		};
	}

	private static String alibabaBillingMode(String chargeType) {
		return switch (chargeType.replace("_", "").toUpperCase(Locale.ROOT)) {
			case "PREPAID" -> "SUBSCRIPTION";
			case "POSTPAID" -> "PAY_AS_YOU_GO";
			case "MONTHPACKAGE" -> "MONTHLY_PACKAGE";
			case "DURATION" -> "DURATION_PACKAGE";
			default -> "OTHER";
		};
	}

	/**
	 * One desktop of each run state and the first on-demand one, in the estate's order.
	 */
	private List<HuaweiDesktop> oneOfEachRunState() {
		List<HuaweiDesktop> all = this.huawei.estate().desktops();
		List<HuaweiDesktop> chosen = new ArrayList<>();
		for (RunState state : RunState.values()) {
			chosen.add(all.stream().filter((desktop) -> desktop.runState() == state).findFirst().orElseThrow());
		}
		chosen.add(all.stream()
			.filter((desktop) -> !chosen.contains(desktop))
			.filter((desktop) -> this.huawei.estate().product(desktop.id()).chargeMode().equals("1"))
			.findFirst()
			.orElseThrow());
		return chosen;
	}

	private static List<Map<String, Object>> representations(List<HuaweiDesktop> desktops) {
		return desktops.stream()
			.map((desktop) -> Map.<String, Object>of("__typename", "Desktop", "id",
					"huawei:huawei-demo:" + desktop.id()))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entities(Map<String, Object> response) {
		return (List<Map<String, Object>>) ((Map<String, Object>) response.get("data")).get("_entities");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> usageDesktops(Map<String, Object> response) {
		Map<String, Object> usage = (Map<String, Object>) ((Map<String, Object>) response.get("data"))
			.get("desktopUsage");
		return ((List<Map<String, Object>>) usage.get("edges")).stream()
			.map((edge) -> (Map<String, Object>) ((Map<String, Object>) edge.get("node")).get("desktop"))
			.toList();
	}

	private WorkspaceClient sdk() {
		HuaweiSimulatorProperties properties = this.huawei.properties();
		return WorkspaceClient.newBuilder()
			.withCredential(new BasicCredentials().withAk(properties.accessKey())
				.withSk(properties.secretKey())
				.withProjectId(properties.projectId()))
			.withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
			.withEndpoint(this.huawei.baseUrl())
			.build();
	}

	private void faults(Map<String, Object> faults) {
		WebClient.create(this.huawei.baseUrl())
			.put()
			.uri("/_sim/faults")
			.bodyValue(faults)
			.retrieve()
			.toBodilessEntity()
			.block();
	}

}
