package io.deskgraph.simulator.huawei;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopDetailInfo;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsDetailRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopsDetailResponse;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the simulator's ListDesktopsDetail driven by the official Huawei Workspace SDK
 * 3.1.143 ({@code WorkspaceClient.listDesktopsDetail}), checked against the estate.
 *
 * @author DeskGraph
 */
class HuaweiSimulatorDesktopDetailsTests {

	private static HuaweiSimulator simulator;

	private static HuaweiEstate estate;

	private static WorkspaceClient client;

	@BeforeAll
	static void startSimulator() {
		simulator = HuaweiSimulatorTestSupport.start(Map.of(), Clock.systemUTC());
		estate = simulator.estate();
		client = HuaweiSimulatorTestSupport.client(simulator);
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void desktopIdsSelectThoseDesktopsWithTheirNameStateProductAndBilling() {
		// One desktop of each run state, in the estate's order (the listing's order).
		List<HuaweiDesktop> wanted = List.of(RunState.ACTIVE, RunState.STOPPED, RunState.HIBERNATED, RunState.ERROR)
			.stream()
			.map((state) -> estate.desktops().stream().filter((d) -> d.runState() == state).findFirst().orElseThrow())
			.sorted(Comparator.comparingInt(estate.desktops()::indexOf))
			.toList();
		ListDesktopsDetailResponse response = client.listDesktopsDetail(
				new ListDesktopsDetailRequest().withDesktopId(wanted.stream().map(HuaweiDesktop::id).toList()));
		assertThat(response.getHttpStatusCode()).isEqualTo(200);
		assertThat(response.getTotalCount()).isEqualTo(4);
		assertThat(response.getDesktops()).extracting(DesktopDetailInfo::getDesktopId)
			.containsExactlyElementsOf(wanted.stream().map(HuaweiDesktop::id).toList());
		assertThat(response.getDesktops()).extracting(DesktopDetailInfo::getStatus)
			.containsExactlyElementsOf(wanted.stream()
				.map((desktop) -> (desktop.runState() == RunState.STOPPED) ? "SHUTOFF" : desktop.runState().name())
				.toList());
		for (int i = 0; i < wanted.size(); i++) {
			HuaweiDesktop desktop = wanted.get(i);
			HuaweiDesktopProduct product = estate.product(desktop.id());
			DesktopDetailInfo detail = response.getDesktops().get(i);
			assertThat(detail.getComputerName()).isEqualTo(desktop.name());
			assertThat(detail.getDesktopType()).isEqualTo(desktop.type().name());
			assertThat(detail.getUserName()).isEqualTo(desktop.userName());
			assertThat(Instant.parse(detail.getCreated())).isEqualTo(desktop.createTime());
			assertThat(detail.getAvailabilityZone()).isEqualTo(product.availabilityZone()).startsWith("cn-north-4");
			assertThat(detail.getEnterpriseProjectId()).isEqualTo(desktop.enterpriseProjectId())
				.isEqualTo(product.enterpriseProjectId());
			assertThat(detail.getFlavor().getId()).isEqualTo(product.flavorId());
			assertThat(detail.getProduct().getFlavorId()).isEqualTo(product.flavorId());
			assertThat(detail.getProduct().getProductId()).isEqualTo(product.productId());
			assertThat(detail.getProduct().getCpu()).isEqualTo(Integer.toString(product.cpus()));
			assertThat(detail.getProduct().getChargeMode()).isEqualTo(product.chargeMode());
			assertThat(detail.getOrderId()).isEqualTo(product.orderId());
		}
		assertThat(response.getDesktops()).extracting(DesktopDetailInfo::getStatus)
			.contains("ACTIVE", "SHUTOFF", "HIBERNATED", "ERROR");
	}

	@Test
	void subscriptionDesktopsHaveChargeModeZeroAndAnOrderOnDemandOnesOneAndNone() {
		ListDesktopsDetailResponse all = client.listDesktopsDetail(new ListDesktopsDetailRequest());
		assertThat(all.getDesktops()).extracting((desktop) -> desktop.getProduct().getChargeMode())
			.containsOnly("0", "1")
			.contains("0", "1");
		assertThat(all.getDesktops()).allSatisfy((desktop) -> assertThat(desktop.getOrderId() != null)
			.isEqualTo(desktop.getProduct().getChargeMode().equals("0")));
	}

	@Test
	void everyDesktopOfTheListingHasTheProductAndFlavorOfTheEstate() {
		ListDesktopsDetailResponse all = client.listDesktopsDetail(new ListDesktopsDetailRequest().withLimit(1000));
		assertThat(all.getDesktops()).extracting(DesktopDetailInfo::getDesktopId)
			.containsExactlyElementsOf(estate.desktops().stream().map(HuaweiDesktop::id).toList());
		for (DesktopDetailInfo detail : all.getDesktops()) {
			HuaweiDesktopProduct product = estate.product(detail.getDesktopId());
			assertThat(detail.getProduct().getProductId()).as(detail.getDesktopId()).isEqualTo(product.productId());
			assertThat(detail.getProduct().getFlavorId()).as(detail.getDesktopId()).isEqualTo(product.flavorId());
			assertThat(detail.getProduct().getChargeMode()).as(detail.getDesktopId()).isEqualTo(product.chargeMode());
		}
		// Desktops of several products, so that each is priced by its own.
		assertThat(all.getDesktops().stream().map((detail) -> detail.getProduct().getProductId()).distinct().count())
			.isGreaterThan(1);
	}

	@Test
	void enterpriseProjectSelectsTheDesktopsTheMetricsNameInThatProject() {
		for (String project : estate.enterpriseProjects()) {
			ListDesktopsDetailResponse listed = client
				.listDesktopsDetail(new ListDesktopsDetailRequest().withEnterpriseProjectId(project));
			List<String> expected = estate.desktops()
				.stream()
				.filter((desktop) -> desktop.enterpriseProjectId().equals(project))
				.map(HuaweiDesktop::id)
				.toList();
			assertThat(expected).isNotEmpty().hasSizeLessThan(estate.desktops().size());
			assertThat(listed.getTotalCount()).isEqualTo(expected.size());
			assertThat(listed.getDesktops()).extracting(DesktopDetailInfo::getDesktopId)
				.containsExactlyElementsOf(expected);
			assertThat(listed.getDesktops()).extracting(DesktopDetailInfo::getEnterpriseProjectId)
				.containsOnly(project);
		}
	}

	@Test
	void unknownDesktopIdsAreLeftOut() {
		String known = estate.desktops().get(5).id();
		ListDesktopsDetailResponse response = client.listDesktopsDetail(
				new ListDesktopsDetailRequest().withDesktopId(List.of(known, "00000000-0000-4000-8000-000000000000")));
		assertThat(response.getTotalCount()).isEqualTo(1);
		assertThat(response.getDesktops()).extracting(DesktopDetailInfo::getDesktopId).containsExactly(known);
	}

	@Test
	void pagesCoverTheEstateOnceWithTheTotalOnEveryPage() {
		List<String> seen = new ArrayList<>();
		for (int offset = 0; offset < estate.desktops().size(); offset += 70) {
			ListDesktopsDetailResponse page = client
				.listDesktopsDetail(new ListDesktopsDetailRequest().withOffset(offset).withLimit(70));
			assertThat(page.getTotalCount()).isEqualTo(estate.desktops().size());
			assertThat(page.getDesktops()).hasSizeLessThanOrEqualTo(70);
			page.getDesktops().forEach((desktop) -> seen.add(desktop.getDesktopId()));
		}
		assertThat(seen).containsExactlyElementsOf(estate.desktops().stream().map(HuaweiDesktop::id).toList());
		// Without limit, the default (1000) covers this estate in one page.
		assertThat(client.listDesktopsDetail(new ListDesktopsDetailRequest()).getDesktops())
			.hasSize(estate.desktops().size());
	}

	@Test
	void statusAndChargeModeFilterAndSortFieldOrders() {
		ListDesktopsDetailResponse stopped = client
			.listDesktopsDetail(new ListDesktopsDetailRequest().withStatus("SHUTOFF"));
		assertThat(stopped.getTotalCount())
			.isEqualTo((int) estate.desktops().stream().filter((d) -> d.runState() == RunState.STOPPED).count())
			.isPositive();
		assertThat(stopped.getDesktops()).allSatisfy((desktop) -> assertThat(desktop.getStatus()).isEqualTo("SHUTOFF"));
		int onDemand = (int) estate.desktops()
			.stream()
			.filter((d) -> estate.product(d.id()).chargeMode().equals("1"))
			.count();
		ListDesktopsDetailResponse payPerUse = client
			.listDesktopsDetail(new ListDesktopsDetailRequest().withChargeMode("1"));
		assertThat(payPerUse.getTotalCount()).isEqualTo(onDemand).isPositive().isLessThan(estate.desktops().size());
		assertThat(payPerUse.getDesktops())
			.allSatisfy((desktop) -> assertThat(desktop.getProduct().getChargeMode()).isEqualTo("1"));
		ListDesktopsDetailResponse byName = client.listDesktopsDetail(
				new ListDesktopsDetailRequest().withSortField(ListDesktopsDetailRequest.SortFieldEnum.COMPUTER_NAME)
					.withSortType(ListDesktopsDetailRequest.SortTypeEnum.DESC)
					.withLimit(10));
		assertThat(byName.getDesktops()).extracting(DesktopDetailInfo::getComputerName)
			.containsExactlyElementsOf(estate.desktops()
				.stream()
				.map(HuaweiDesktop::name)
				.sorted(Comparator.reverseOrder())
				.limit(10)
				.toList());
	}

	@Test
	void limitAndDesktopIdsBeyondTheVendorsRangeAreRejected() {
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listDesktopsDetail(new ListDesktopsDetailRequest().withLimit(1001)))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorCode()).isEqualTo("APIGW.0201");
				assertThat(ex.getErrorMsg()).contains("limit").contains("between 0 and 1000");
				assertThat(ex.getRequestId()).matches("[0-9a-f]{32}");
			});
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listDesktopsDetail(new ListDesktopsDetailRequest().withOffset(-1)))
			.satisfies((ex) -> assertThat(ex.getErrorMsg()).contains("offset"));
		List<String> tooMany = IntStream.range(0, 101).mapToObj((i) -> estate.desktops().get(i).id()).toList();
		assertThatExceptionOfType(ClientRequestException.class)
			.isThrownBy(() -> client.listDesktopsDetail(new ListDesktopsDetailRequest().withDesktopId(tooMany)))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatusCode()).isEqualTo(400);
				assertThat(ex.getErrorMsg()).contains("desktop_id").contains("at most 100");
			});
		// A hundred ids is within the limit.
		assertThat(client.listDesktopsDetail(new ListDesktopsDetailRequest().withDesktopId(tooMany.subList(0, 100)))
			.getTotalCount()).isEqualTo(100);
	}

}
