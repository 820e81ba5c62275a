package io.deskgraph.connector.alibaba;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.AccountProperties;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.usage.AttachCounts;
import io.deskgraph.usage.BillingMode;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.DesktopState;
import io.deskgraph.usage.IdleDesktop;
import io.deskgraph.usage.LoginCounts;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.RunCounts;
import io.deskgraph.usage.Slice;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UsageDuration;
import io.deskgraph.usage.UsageTotal;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.core.io.ClassPathResource;
import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AlibabaUsageConnector} over canned vendor pages: NextToken chains,
 * rows of every region kept and the documented state mapping.
 *
 * @author DeskGraph
 */
class AlibabaUsageConnectorFixtureTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

	private static final DateRange RANGE = new DateRange(NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(7),
			NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1));

	private final AlibabaStubServer server = new AlibabaStubServer();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void rankingFollowsTheNextTokenChainAndKeepsTheRowsOfEveryRegion() {
		serveFixtures();
		// The cn-hangzhou row counts although the account is of cn-shanghai alone.
		List<UsageTotal> byDesktop = List.of(
				new UsageTotal(desktop("ecd-hz0000000000000001", "hz-01").inRegion("cn-hangzhou")
					.billed(BillingMode.PAY_AS_YOU_GO, "POST_PAID"), "carol", UsageDuration.ofSeconds(99999)),
				new UsageTotal(desktop("ecd-8cndajrdrd424sb99", "dev-01").inRegion("cn-shanghai")
					.billed(BillingMode.SUBSCRIPTION, "PrePaid"), null, UsageDuration.ofSeconds(43200)),
				new UsageTotal(desktop("ecd-a00000000000000002", "ops-02").inRegion("cn-shanghai")
					.billed(BillingMode.PAY_AS_YOU_GO, "PostPaid"), "alice", UsageDuration.ofSeconds(3600)),
				new UsageTotal(
						desktop("ecd-b00000000000000003", "ops-03").inRegion("cn-shanghai")
							.billed(BillingMode.MONTHLY_PACKAGE, "MONTH_PACKAGE"),
						"dave", UsageDuration.ofSeconds(3600)));
		StepVerifier.create(connector().usageRanking(RANGE, RankDimension.DESKTOP, 0, 100))
			.expectNext(new Slice<>(byDesktop, 4))
			.verifyComplete();
		List<AlibabaStubServer.Captured> calls = this.server.requests();
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).param("NextToken")).isNull();
		assertThat(calls.get(0).param("Limit")).isEqualTo("200");
		assertThat(calls.get(0).param("StartDate")).isEqualTo(RANGE.from().toString());
		assertThat(calls.get(0).param("EndDate")).isEqualTo(RANGE.to().toString());
		assertThat(calls.get(1).param("NextToken")).isEqualTo("AAAAAV3MpHK1AP0pfERHZN5pu6kxSLfRe0l7CSn9QDhvm8T3");
		List<UsageTotal> byUser = List.of(new UsageTotal(null, "carol", UsageDuration.ofSeconds(99999)),
				new UsageTotal(null, "alice", UsageDuration.ofSeconds(39600)),
				new UsageTotal(null, "bob", UsageDuration.ofSeconds(7200)),
				new UsageTotal(null, "dave", UsageDuration.ofSeconds(3600)));
		StepVerifier.create(connector().usageRanking(RANGE, RankDimension.USER, 1, 2))
			.expectNext(new Slice<>(byUser.subList(1, 3), 4))
			.verifyComplete();
	}

	@Test
	void idleDesktopsAreTheDesktopsMissingFromTheRanking() {
		serveFixtures();
		StepVerifier.create(connector().idleDesktops(NOW.minus(Duration.ofDays(7)), NOW, 0, 10))
			.expectNext(
					new Slice<>(List.of(new IdleDesktop(
							desktop("ecd-c00000000000000004", "spare-04").inRegion("cn-shanghai")
								.withState(DesktopState.ACTIVE, "Running")
								.billed(BillingMode.PAY_AS_YOU_GO, "PostPaid"),
							Instant.parse("2026-11-18T12:00:00Z"), null)), 1))
			.verifyComplete();
		StepVerifier
			.create(connector().idleDesktops(NOW.minus(Duration.ofDays(7)), Instant.parse("2026-11-18T00:00:00Z"), 0,
					10))
			.expectNext(new Slice<>(List.of(), 0))
			.verifyComplete();
	}

	@Test
	void desktopStatusCountsFromTheFixturePages() {
		serveFixtures();
		StepVerifier.create(connector().desktopStatus(new StatusFilter(List.of(), List.of(), true)))
			.expectNext(new StatusCounts(4, new AttachCounts(3, 1, 0, 0), new RunCounts(3, 1, 0, 0),
					new LoginCounts(1, 1, 0, 0, 1, 1), List.of()))
			.verifyComplete();
		List<AlibabaStubServer.Captured> counts = this.server.requests()
			.stream()
			.filter((call) -> "1".equals(call.param("MaxResults")))
			.toList();
		List<AlibabaStubServer.Captured> pages = this.server.requests()
			.stream()
			.filter((call) -> "100".equals(call.param("MaxResults")))
			.toList();
		// One count per group of run states, filtered by DesktopStatusList; two pages of
		// inventory for the login and attach counts.
		assertThat(counts).extracting((call) -> call.param("DesktopStatusList.1"))
			.containsExactlyInAnyOrder("Running", "Pending", "Stopped", "Hibernated", null);
		assertThat(counts).filteredOn((call) -> "Pending".equals(call.param("DesktopStatusList.1")))
			.singleElement()
			.satisfies((call) -> {
				assertThat(call.param("DesktopStatusList.2")).isEqualTo("Starting");
				assertThat(call.param("DesktopStatusList.3")).isEqualTo("Rebuilding");
			});
		assertThat(pages).extracting((call) -> call.param("NextToken")).containsExactly(null, "desktops-page-2");
		assertThat(this.server.requests()).hasSize(7)
			.allSatisfy((call) -> assertThat(call.param("RegionId")).isEqualTo("cn-shanghai"));
	}

	@Test
	void everyDesktopStateMapsAsDocumented() {
		// Desktop status, connection status, end users; then the run, login and attach
		// state each must count as.
		Object[][] cases = { { "Running", "Connected", true, "active", "inUse" },
				{ "Running", "Disconnected", true, "active", "disconnected" },
				{ "Running", "Unknown", false, "active", "ready" }, { "Running", null, true, "active", "ready" },
				{ "Pending", "Unknown", false, "active", "unregistered" },
				{ "Starting", "Unknown", true, "active", "unregistered" },
				{ "Rebuilding", "Unknown", true, "active", "unregistered" },
				{ "Stopping", "Disconnected", true, "stopped", "stopped" },
				{ "Stopped", "Disconnected", true, "stopped", "stopped" },
				{ "Hibernated", "Disconnected", true, "hibernated", "stopped" },
				{ "Expired", "Disconnected", true, "error", "unableToConnect" },
				{ "Deleted", "Unknown", true, "error", "unableToConnect" },
				{ "SomethingNew", "Unknown", false, "error", "unableToConnect" },
				{ "STOPPED", "Connected", true, "stopped", "inUse" } };
		for (Object[] state : cases) {
			Map<String, Object> desktop = new LinkedHashMap<>();
			desktop.put("DesktopId", "ecd-1");
			desktop.put("DesktopStatus", state[0]);
			desktop.put("ConnectionStatus", state[1]);
			desktop.put("EndUserIds", ((boolean) state[2]) ? List.of("alice") : List.of());
			String body = json(Map.of("TotalCount", 1, "Desktops", List.of(desktop)));
			this.server.answer((request) -> isCount(request) ? count(request, List.of(desktop))
					: AlibabaStubServer.Answer.json(200, body));
			StatusCounts counts = connector().desktopStatus(new StatusFilter(List.of(), List.of(), true))
				.block(Duration.ofSeconds(10));
			assertThat(counts).isNotNull();
			String label = state[0] + "/" + state[1];
			assertThat(counts.total()).isOne();
			assertThat(counts.run()).as(label).isEqualTo(switch ((String) state[3]) {
				case "active" -> new RunCounts(1, 0, 0, 0);
				case "stopped" -> new RunCounts(0, 1, 0, 0);
				case "error" -> new RunCounts(0, 0, 1, 0);
				default -> new RunCounts(0, 0, 0, 1);
			});
			assertThat(counts.login()).as(label).isEqualTo(switch ((String) state[4]) {
				case "inUse" -> new LoginCounts(1, 0, 0, 0, 0, 0);
				case "stopped" -> new LoginCounts(0, 1, 0, 0, 0, 0);
				case "unregistered" -> new LoginCounts(0, 0, 1, 0, 0, 0);
				case "unableToConnect" -> new LoginCounts(0, 0, 0, 1, 0, 0);
				case "ready" -> new LoginCounts(0, 0, 0, 0, 1, 0);
				default -> new LoginCounts(0, 0, 0, 0, 0, 1);
			});
			assertThat(counts.attach()).as(label)
				.isEqualTo(((boolean) state[2]) ? new AttachCounts(1, 0, 0, 0) : new AttachCounts(0, 1, 0, 0));
		}
	}

	@Test
	void nextTokenThatDoesNotAdvanceFailsInsteadOfLooping() {
		this.server.answer((request) -> AlibabaStubServer.Answer.json(200,
				"{\"TotalCount\":9,\"NextToken\":\"same\",\"UsageDurationList\":[]}"));
		StepVerifier.create(connector().usageRanking(RANGE, RankDimension.DESKTOP, 0, 10))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(VendorUnavailableException.class)
				.hasMessageContaining("answered the NextToken it was sent"))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.requests()).hasSize(2);
	}

	private void serveFixtures() {
		this.server.answer((request) -> {
			String action = request.headers().getFirst("x-acs-action");
			String token = request.param("NextToken");
			String fixture;
			if ("DescribeDesktops".equals(action)) {
				if (isCount(request)) {
					return count(request, fixtureDesktops());
				}
				fixture = (token == null) ? "desktops-page-1.json" : "desktops-page-2.json";
			}
			else {
				fixture = (token == null) ? "ranking-page-1.json" : "ranking-page-2.json";
			}
			return AlibabaStubServer.Answer.json(200, fixture(fixture));
		});
	}

	private static boolean isCount(AlibabaStubServer.Captured request) {
		return "1".equals(request.param("MaxResults"));
	}

	/**
	 * Answers a DescribeDesktops count as the vendor would: the total of the desktops
	 * whose state is one of the {@code DesktopStatusList} filters (all without one).
	 */
	private static AlibabaStubServer.Answer count(AlibabaStubServer.Captured request,
			List<Map<String, Object>> desktops) {
		List<String> statuses = new ArrayList<>();
		for (int i = 1; request.param("DesktopStatusList." + i) != null; i++) {
			statuses.add(request.param("DesktopStatusList." + i).toLowerCase(Locale.ROOT));
		}
		long total = desktops.stream()
			.filter((desktop) -> statuses.isEmpty() || (desktop.get("DesktopStatus") != null
					&& statuses.contains(desktop.get("DesktopStatus").toString().toLowerCase(Locale.ROOT))))
			.count();
		return AlibabaStubServer.Answer.json(200, json(Map.of("TotalCount", total, "Desktops", List.of())));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> fixtureDesktops() {
		List<Map<String, Object>> desktops = new ArrayList<>();
		for (String page : List.of("desktops-page-1.json", "desktops-page-2.json")) {
			try {
				desktops.addAll((List<Map<String, Object>>) new ObjectMapper().readValue(fixture(page), Map.class)
					.get("Desktops"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return desktops;
	}

	private AlibabaUsageConnector connector() {
		AccountProperties account = new AccountProperties("ali-fixture", Vendor.ALIBABA, "cn-shanghai", null,
				this.server.endpoint(), null, "LTAItest", "secret", null, null, null, null, null, null, null);
		return new AlibabaConnectorFactory(TestUpstream.infrastructure(Clock.fixed(NOW, ZoneOffset.UTC)),
				AlibabaProperties.DEFAULTS)
			.connector(account);
	}

	private static Desktop desktop(String id, @Nullable String name) {
		return Desktop.of(Vendor.ALIBABA, "ali-fixture", id, name);
	}

	private static String fixture(String name) {
		try {
			return new ClassPathResource(name, AlibabaUsageConnectorFixtureTests.class)
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String json(Object value) {
		try {
			return new ObjectMapper().writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
