package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aliyun.ecd20200930.models.DescribeDesktopsRequest;
import com.aliyun.ecd20200930.models.DescribeDesktopsResponseBody.DescribeDesktopsResponseBodyDesktops;
import com.fasterxml.jackson.databind.JsonNode;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.alibaba.AlibabaEstate;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.alibaba.AlibabaSimulatorProperties;
import io.deskgraph.simulator.alibaba.AlibabaSimulatorTestSupport;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaUsageConnector} of an account over several regions, over real
 * HTTP against the embedded Alibaba simulator on the system clock, with expected values
 * drained from the same simulator with the official ECD SDK ({@code ecd20200930}).
 *
 * @author DeskGraph
 */
class AlibabaRegionsTests {

	private static final String ACCOUNT = "alibaba-regions";

	private static final String REGION = "cn-shanghai";

	private static final String AK = "LTAItestAK0000000002";

	private static final String SECRET = "ali-regions-secret";

	private static AlibabaSimulator simulator;

	private static AlibabaEstate estate;

	private static WebClient control;

	@BeforeAll
	static void startSimulator() {
		// The SDK signs with the time of day, so the simulator runs on the system clock.
		AlibabaSimulatorProperties properties = new AlibabaSimulatorProperties(0, "127.0.0.1", 7, 240, AK, SECRET, null,
				Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofSeconds(2),
				new AlibabaSimulatorProperties.Quotas(100_000, 100_000), ZoneId.of("UTC"), 2);
		simulator = new AlibabaSimulator(properties, Clock.systemUTC());
		simulator.port();
		estate = simulator.estate();
		control = WebClient.create(simulator.baseUrl());
	}

	@AfterAll
	static void stopSimulator() {
		simulator.stop();
	}

	@BeforeEach
	void resetSimulator() {
		TestUpstream.awaitDrains(Duration.ofSeconds(30));
		control.post().uri("/_sim/reset").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
	}

	@Test
	void statusOfSeveralRegionsSumsEachRegionsCountsAsTheSdkAnswersThem() throws Exception {
		List<DescribeDesktopsResponseBodyDesktops> sdk = new ArrayList<>();
		long sdkPages = 0;
		for (String region : estate.regions()) {
			List<DescribeDesktopsResponseBodyDesktops> desktops = AlibabaSimulatorTestSupport.inventory(simulator,
					region);
			assertThat(desktops).isNotEmpty();
			sdkPages += pages(desktops.size(), 100);
			sdk.addAll(desktops);
		}
		StatusCounts expected = expectedStatus(sdk);
		assertThat(expected.total()).isEqualTo(estate.desktops().size());
		long before = calls("DescribeDesktops");
		StepVerifier.create(connector(estate.regions()).desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.expectNext(expected)
			.verifyComplete();
		// One count per group of run states in each region, and each region's inventory.
		assertThat(calls("DescribeDesktops") - before)
			.isEqualTo(AlibabaMapper.RunGroup.values().length * estate.regions().size() + sdkPages);
		before = calls("DescribeDesktops");
		StepVerifier.create(connector(estate.regions()).desktopStatus(new StatusFilter(List.of(), List.of(), false)))
			.assertNext((counts) -> {
				assertThat(counts.total()).isEqualTo(expected.total());
				assertThat(counts.run()).isEqualTo(expected.run());
			})
			.verifyComplete();
		// Without login and attach counts, no inventory: the counts of each region.
		assertThat(calls("DescribeDesktops") - before)
			.isEqualTo(AlibabaMapper.RunGroup.values().length * estate.regions().size());
	}

	@Test
	void desktopsByIdAreLookedUpRegionByRegionInCallsOfAHundredIdsAsTheSdkAnswersThem() throws Exception {
		List<AlibabaDesktop> shanghai = estate.desktops(REGION);
		List<AlibabaDesktop> hangzhou = estate.desktops("cn-hangzhou");
		assertThat(shanghai).hasSizeGreaterThan(120);
		assertThat(hangzhou).hasSizeGreaterThan(30);
		List<String> ids = new ArrayList<>();
		hangzhou.subList(0, 30).forEach((desktop) -> ids.add(desktop.desktopId()));
		shanghai.subList(0, 120).forEach((desktop) -> ids.add(desktop.desktopId()));
		ids.add("ecd-00000000unknown00");
		ids.add(shanghai.get(0).desktopId());
		// What the official SDK's DescribeDesktops answers for these ids, region by
		// region.
		com.aliyun.ecd20200930.Client sdk = AlibabaSimulatorTestSupport.ecdClient(simulator);
		Map<String, Desktop> expected = new LinkedHashMap<>();
		for (String region : estate.regions()) {
			for (int from = 0; from < ids.size(); from += 100) {
				List<String> batch = ids.subList(from, Math.min(ids.size(), from + 100));
				for (DescribeDesktopsResponseBodyDesktops desktop : sdk
					.describeDesktops(
							new DescribeDesktopsRequest().setRegionId(region).setDesktopId(batch).setMaxResults(100))
					.getBody()
					.getDesktops()) {
					expected.put(desktop.getDesktopId(),
							Desktop.of(Vendor.ALIBABA, ACCOUNT, desktop.getDesktopId(), desktop.getDesktopName())
								.inRegion(region)
								.withState(AlibabaUsageConnectorTests.state(desktop.getDesktopStatus()),
										desktop.getDesktopStatus())
								.billed(AlibabaUsageConnectorTests.billingMode(desktop.getChargeType()),
										desktop.getChargeType())
								.withSpec(desktop.getDesktopType()));
				}
			}
		}
		assertThat(expected).hasSize(150);
		assertThat(expected.values()).extracting(Desktop::billingMode)
			.contains(BillingMode.SUBSCRIPTION, BillingMode.PAY_AS_YOU_GO);
		long before = calls("DescribeDesktops");
		StepVerifier.create(connector(estate.regions()).desktops(ids)).assertNext((desktops) -> {
			assertThat(desktops).isEqualTo(expected);
			assertThat(desktops.keySet()).containsExactlyElementsOf(ids.subList(0, 150));
			assertThat(desktops.values()).extracting(Desktop::name).doesNotContainNull();
		}).verifyComplete();
		// cn-shanghai, asked first: 151 ids in two calls; cn-hangzhou: the 31 ids
		// cn-shanghai did not know, one call; cn-beijing: the unknown id, one call.
		assertThat(calls("DescribeDesktops") - before).isEqualTo(2 + 1 + 1);
		before = calls("DescribeDesktops");
		StepVerifier.create(connector(estate.regions()).desktops(List.of())).expectNext(Map.of()).verifyComplete();
		StepVerifier.create(connector().desktops(List.of(hangzhou.get(0).desktopId())))
			.expectNext(Map.of())
			.verifyComplete();
		assertThat(calls("DescribeDesktops") - before).as("cn-shanghai alone asked for a cn-hangzhou desktop").isOne();
	}

	/** A connector of the account's region and more. */
	private static AlibabaUsageConnector connector(List<String> regions) {
		AccountProperties account = new AccountProperties(ACCOUNT, Vendor.ALIBABA, REGION, null,
				URI.create(simulator.baseUrl()), null, AK, SECRET, null, null, null, regions, null, null, null);
		return new AlibabaConnectorFactory(TestUpstream.infrastructure(Clock.systemUTC()), AlibabaProperties.DEFAULTS)
			.connector(account);
	}

	private static AlibabaUsageConnector connector() {
		return connector(List.of());
	}

	/**
	 * Counts the SDK's desktops the way the connector documents it (RunCounts,
	 * LoginCounts and AttachCounts in the schema).
	 */
	private static StatusCounts expectedStatus(List<DescribeDesktopsResponseBodyDesktops> desktops) {
		int[] run = new int[4];
		int[] login = new int[6];
		int attached = 0;
		for (DescribeDesktopsResponseBodyDesktops desktop : desktops) {
			String status = desktop.getDesktopStatus();
			run[switch (status) {
				case "Running", "Pending", "Starting", "Rebuilding" -> 0;
				case "Stopped", "Stopping" -> 1;
				case "Hibernated" -> 3;
				default -> 2;
			}]++;
			int loginState;
			if ("Connected".equals(desktop.getConnectionStatus())) {
				loginState = 0;
			}
			else {
				loginState = switch (status) {
					case "Running" -> "Disconnected".equals(desktop.getConnectionStatus()) ? 5 : 4;
					case "Stopped", "Stopping", "Hibernated" -> 1;
					case "Pending", "Starting", "Rebuilding" -> 2;
					default -> 3;
				};
			}
			login[loginState]++;
			attached += (desktop.getEndUserIds() == null || desktop.getEndUserIds().isEmpty()) ? 0 : 1;
		}
		return new StatusCounts(desktops.size(), new AttachCounts(attached, desktops.size() - attached, 0, 0),
				new RunCounts(run[0], run[1], run[2], run[3]),
				new LoginCounts(login[0], login[1], login[2], login[3], login[4], login[5]), List.of());
	}

	private static long calls(String action) {
		JsonNode stats = control.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(5));
		return stats.path("calls").path(action).asLong(0);
	}

	private static long pages(int items, int pageSize) {
		return Math.max(1, (items + pageSize - 1) / pageSize);
	}

}
