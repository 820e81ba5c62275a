package io.deskgraph.simulator.alibaba;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aliyun.ecd20200930.Client;
import com.aliyun.ecd20200930.models.DescribeDesktopsRequest;
import com.aliyun.ecd20200930.models.DescribeDesktopsResponse;
import com.aliyun.ecd20200930.models.DescribeDesktopsResponseBody.DescribeDesktopsResponseBodyDesktops;
import com.aliyun.tea.TeaException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code DescribeDesktops} of {@link AlibabaSimulator}, called through the
 * official ECD product client 4.2.8 (which signs with HMAC-SHA1), and for its consistency
 * with the usage ranking.
 *
 * @author DeskGraph
 */
class AlibabaSimulatorInventoryTests {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private static AlibabaSimulator simulator;

	private static Client client;

	private static AlibabaEstate estate;

	@BeforeAll
	static void startSimulator() {
		simulator = AlibabaSimulatorTestSupport
			.start(Map.of("quotas.describe-desktops", "10000", "quotas.query-history-usage-duration-rank", "10000"));
		client = AlibabaSimulatorTestSupport.ecdClient(simulator);
		estate = simulator.estate();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@Test
	void everyDesktopOfEveryRegionHasTheDesktopTypeOfTheEstate() throws Exception {
		Set<String> types = new HashSet<>();
		for (String region : estate.regions()) {
			List<DescribeDesktopsResponseBodyDesktops> desktops = AlibabaSimulatorTestSupport.inventory(simulator,
					region);
			assertThat(desktops).hasSameSizeAs(estate.desktops(region));
			for (DescribeDesktopsResponseBodyDesktops desktop : desktops) {
				AlibabaDesktop expected = estate.desktop(desktop.getDesktopId()).orElseThrow();
				assertThat(desktop.getDesktopType()).as(desktop.getDesktopId())
					.isEqualTo(expected.desktopType())
					.startsWith("eds.");
				types.add(desktop.getDesktopType());
			}
		}
		// Desktops of several specs, so that each is priced by its own.
		assertThat(types).hasSizeGreaterThan(1);
	}

	@Test
	void desktopsCarryTheEstateValuesInTheSdkModel() throws Exception {
		List<DescribeDesktopsResponseBodyDesktops> desktops = drain("cn-shanghai", new DescribeDesktopsRequest(), 100);
		assertThat(desktops).hasSameSizeAs(estate.desktops("cn-shanghai"));
		for (DescribeDesktopsResponseBodyDesktops desktop : desktops) {
			AlibabaDesktop expected = estate.desktop(desktop.getDesktopId()).orElseThrow();
			assertThat(desktop.getDesktopId()).matches("ecd-[a-z0-9]{17}");
			assertThat(desktop.getDesktopName()).isEqualTo(expected.desktopName());
			assertThat(desktop.getDesktopStatus()).isEqualTo(expected.desktopStatus());
			assertThat(desktop.getConnectionStatus()).isEqualTo(expected.connectionStatus());
			assertThat(desktop.getChargeType()).isEqualTo(expected.chargeType()).isIn("PrePaid", "PostPaid");
			assertThat(desktop.getEndUserIds()).isEqualTo(expected.endUserIds());
			assertThat(desktop.getOfficeSiteId()).isEqualTo(expected.officeSiteId()).startsWith("cn-shanghai+dir-");
			assertThat(desktop.getOfficeSiteName()).isEqualTo(expected.officeSiteName());
			assertThat(desktop.getOsType()).isEqualTo(expected.osType());
			assertThat(desktop.getCpu()).isEqualTo(expected.cpu());
			assertThat(desktop.getMemory()).isEqualTo(expected.memory());
			assertThat(desktop.getDesktopType()).isEqualTo(expected.desktopType());
			assertThat(desktop.getCreationTime()).isEqualTo(MINUTES.format(expected.creationTime()))
				.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z");
			assertThat(desktop.getExpiredTime()).isEqualTo(MINUTES.format(expected.expiredTime()));
		}
		Set<String> statuses = new HashSet<>();
		estate.desktops().forEach((desktop) -> statuses.add(desktop.desktopStatus()));
		assertThat(statuses).containsExactlyInAnyOrderElementsOf(AlibabaEstate.DESKTOP_STATUSES);
	}

	@Test
	void pagingByMaxResultsAndNextTokenDrainsEveryRegionExactlyOnce() throws Exception {
		for (String region : AlibabaEstate.REGIONS) {
			List<String> ids = drain(region, new DescribeDesktopsRequest(), 7).stream()
				.map(DescribeDesktopsResponseBodyDesktops::getDesktopId)
				.toList();
			List<String> expected = estate.desktops(region).stream().map(AlibabaDesktop::desktopId).toList();
			assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
			assertThat(ids).isEqualTo(drain(region, new DescribeDesktopsRequest(), 100).stream()
				.map(DescribeDesktopsResponseBodyDesktops::getDesktopId)
				.toList());
		}
	}

	@Test
	void firstPageHasTheDefaultSizeAndTheTotal() throws Exception {
		DescribeDesktopsResponse response = client
			.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai"));
		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.getBody().getDesktops()).hasSize(10);
		assertThat(response.getBody().getTotalCount()).isEqualTo(estate.desktops("cn-shanghai").size());
		assertThat(response.getBody().getNextToken()).isNotBlank();
		assertThat(response.getBody().getRequestId()).isEqualTo(response.getHeaders().get("x-acs-request-id"));
	}

	@Test
	void pageNumberAndPageSizeAlsoPage() throws Exception {
		List<String> byPage = new ArrayList<>();
		for (int page = 1; page <= 10; page++) {
			DescribeDesktopsResponse response = client.describeDesktops(
					new DescribeDesktopsRequest().setRegionId("cn-hangzhou").setPageNumber(page).setPageSize(20));
			assertThat(response.getBody().getPageNumber()).isEqualTo(page);
			assertThat(response.getBody().getPageSize()).isEqualTo(20);
			assertThat(response.getBody().getNextToken()).isNull();
			response.getBody().getDesktops().forEach((desktop) -> byPage.add(desktop.getDesktopId()));
		}
		assertThat(byPage).isEqualTo(drain("cn-hangzhou", new DescribeDesktopsRequest(), 100).stream()
			.map(DescribeDesktopsResponseBodyDesktops::getDesktopId)
			.toList());
	}

	@Test
	void filtersByDesktopIdsStatusEndUserAndChargeType() throws Exception {
		List<AlibabaDesktop> shanghai = estate.desktops("cn-shanghai");
		List<String> someIds = List.of(shanghai.get(0).desktopId(), shanghai.get(3).desktopId(),
				shanghai.get(5).desktopId(), estate.desktops("cn-beijing").get(0).desktopId());
		assertThat(ids(new DescribeDesktopsRequest().setDesktopId(someIds)))
			.containsExactlyInAnyOrderElementsOf(someIds.subList(0, 3));
		assertThat(ids(new DescribeDesktopsRequest().setDesktopStatus("Stopped")))
			.containsExactlyInAnyOrderElementsOf(shanghai.stream()
				.filter((desktop) -> desktop.desktopStatus().equals("Stopped"))
				.map(AlibabaDesktop::desktopId)
				.toList())
			.isNotEmpty();
		AlibabaDesktop shared = shanghai.stream()
			.filter((desktop) -> desktop.endUserIds().size() > 1)
			.findFirst()
			.orElseThrow();
		String user = shared.endUserIds().get(1);
		assertThat(ids(new DescribeDesktopsRequest().setEndUserId(List.of(user))))
			.containsExactlyInAnyOrderElementsOf(estate.desktopsOf(user)
				.stream()
				.filter((desktop) -> desktop.regionId().equals("cn-shanghai"))
				.map(AlibabaDesktop::desktopId)
				.toList())
			.contains(shared.desktopId());
		assertThat(ids(new DescribeDesktopsRequest().setChargeType("PrePaid")))
			.containsExactlyInAnyOrderElementsOf(shanghai.stream()
				.filter((desktop) -> desktop.chargeType().equals("PrePaid"))
				.map(AlibabaDesktop::desktopId)
				.toList());
	}

	@Test
	void nextTokenOfAnotherFilterIsRejected() throws Exception {
		String token = client
			.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shanghai").setMaxResults(5))
			.getBody()
			.getNextToken();
		assertRejected(new DescribeDesktopsRequest().setRegionId("cn-shanghai")
			.setDesktopStatus("Running")
			.setNextToken(token), "InvalidParameter.NextToken", 400);
		assertRejected(new DescribeDesktopsRequest().setRegionId("cn-hangzhou").setNextToken(token),
				"InvalidParameter.NextToken", 400);
	}

	@Test
	void invalidRequestsAreRejected() {
		assertRejected(new DescribeDesktopsRequest(), "MissingRegionId", 400);
		assertRejected(new DescribeDesktopsRequest().setRegionId("mars-north-1"), "InvalidRegionId.NotFound", 404);
		assertRejected(new DescribeDesktopsRequest().setRegionId("cn-shanghai").setMaxResults(101),
				"InvalidParameter.MaxResults", 400);
		assertRejected(new DescribeDesktopsRequest().setRegionId("cn-shanghai").setDesktopStatus("Sleeping"),
				"InvalidParameter.DesktopStatus", 400);
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			tooMany.add("ecd-" + i);
		}
		assertRejected(new DescribeDesktopsRequest().setRegionId("cn-shanghai").setDesktopId(tooMany),
				"InvalidParameter.DesktopId", 400);
	}

	@Test
	void anotherRealRegionHasNoDesktops() throws Exception {
		DescribeDesktopsResponse response = client
			.describeDesktops(new DescribeDesktopsRequest().setRegionId("cn-shenzhen"));
		assertThat(response.getBody().getTotalCount()).isZero();
		assertThat(response.getBody().getDesktops()).isEmpty();
	}

	@Test
	void everyRankedDesktopIsListedInItsRegionWithTheSameNameAndUsageAddsUp() throws Exception {
		com.aliyun.teaopenapi.Client generic = AlibabaSimulatorTestSupport.genericClient(simulator);
		LocalDate end = estate.today().minusDays(1);
		LocalDate start = end.minusDays(89);
		List<AlibabaUsageRow> ranking = new ArrayList<>();
		String token = null;
		do {
			Map<String, Object> query = new LinkedHashMap<>(
					Map.of("StartDate", start.toString(), "EndDate", end.toString(), "Limit", 200));
			if (token != null) {
				query.put("NextToken", token);
			}
			Map<String, Object> body = AlibabaSimulatorTestSupport.rank(generic, query);
			ranking.addAll(AlibabaSimulatorTestSupport.rows(body));
			token = (String) body.get("NextToken");
		}
		while (token != null);
		Map<String, DescribeDesktopsResponseBodyDesktops> listed = new HashMap<>();
		Map<String, String> regionOf = new HashMap<>();
		for (String region : AlibabaEstate.REGIONS) {
			for (DescribeDesktopsResponseBodyDesktops desktop : drain(region, new DescribeDesktopsRequest(), 100)) {
				listed.put(desktop.getDesktopId(), desktop);
				regionOf.put(desktop.getDesktopId(), region);
			}
		}
		Map<String, Long> perDesktop = new HashMap<>();
		for (AlibabaUsageRow row : ranking) {
			assertThat(listed).containsKey(row.desktopId());
			assertThat(regionOf.get(row.desktopId())).isEqualTo(row.regionId());
			assertThat(listed.get(row.desktopId()).getDesktopName()).isEqualTo(row.desktopName());
			assertThat(listed.get(row.desktopId()).getEndUserIds()).contains(row.endUserId());
			perDesktop.merge(row.desktopId(), row.usageDuration(), Long::sum);
		}
		for (AlibabaDesktop desktop : estate.desktops()) {
			assertThat(perDesktop.getOrDefault(desktop.desktopId(), 0L))
				.isEqualTo(estate.desktopUsageSeconds(desktop.desktopId(), start, end));
		}
		assertThat(listed).hasSize(estate.desktops().size());
		assertThat(perDesktop).hasSizeLessThan(listed.size());
	}

	private static List<String> ids(DescribeDesktopsRequest request) throws Exception {
		return drain("cn-shanghai", request, 100).stream()
			.map(DescribeDesktopsResponseBodyDesktops::getDesktopId)
			.toList();
	}

	private static List<DescribeDesktopsResponseBodyDesktops> drain(String region, DescribeDesktopsRequest request,
			int maxResults) throws Exception {
		List<DescribeDesktopsResponseBodyDesktops> desktops = new ArrayList<>();
		request.setRegionId(region).setMaxResults(maxResults).setNextToken(null);
		int pages = 0;
		do {
			DescribeDesktopsResponse response = client.describeDesktops(request);
			desktops.addAll(response.getBody().getDesktops());
			assertThat(response.getBody().getTotalCount()).isGreaterThanOrEqualTo(desktops.size());
			request.setNextToken(response.getBody().getNextToken());
			assertThat(++pages).isLessThan(500);
		}
		while (request.getNextToken() != null);
		return desktops;
	}

	private static void assertRejected(DescribeDesktopsRequest request, String code, int status) {
		assertThatExceptionOfType(TeaException.class).isThrownBy(() -> client.describeDesktops(request))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(code);
				assertThat(ex.getStatusCode()).isEqualTo(status);
			});
	}

}
