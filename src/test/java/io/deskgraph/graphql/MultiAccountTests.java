package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for several configured Huawei accounts queried in parallel, one of them with a
 * wrong secret: the others still answer and the failure is reported per account.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("unthrottled")
class MultiAccountTests {

	private static final int SIMULATOR_PORT = TestSocketUtils.findAvailableTcpPort();

	private static final int ALIBABA_SIMULATOR_PORT = TestSocketUtils.findAvailableTcpPort();

	/** Over a real connection to the running server. */
	private HttpGraphQlTester graphQlTester;

	@LocalServerPort
	private int serverPort;

	@BeforeEach
	void connectGraphQlTester() {
		this.graphQlTester = HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + this.serverPort + "/graphql").build());
	}

	@Autowired
	private HuaweiSimulator simulator;

	@DynamicPropertySource
	static void accounts(DynamicPropertyRegistry registry) {
		registry.add("deskgraph.simulator.enabled", () -> "true");
		registry.add("deskgraph.simulator.huawei.port", () -> SIMULATOR_PORT);
		account(registry, 0, "hw-beijing", "hw-demo-secret-key-for-local-use-only");
		account(registry, 1, "hw-broken", "not-the-secret");
		account(registry, 2, "hw-shanghai", "hw-demo-secret-key-for-local-use-only");
		registry.add("deskgraph.simulator.alibaba.port", () -> ALIBABA_SIMULATOR_PORT);
		registry.add("deskgraph.accounts[3].id", () -> "ali-shanghai");
		registry.add("deskgraph.accounts[3].vendor", () -> "ALIBABA");
		registry.add("deskgraph.accounts[3].region", () -> "cn-shanghai");
		registry.add("deskgraph.accounts[3].endpoint", () -> "http://127.0.0.1:" + ALIBABA_SIMULATOR_PORT);
		registry.add("deskgraph.accounts[3].access-key", () -> "LTAIdemoAK0000000001");
		registry.add("deskgraph.accounts[3].secret-key", () -> "ali-demo-secret-for-local-use-only");
	}

	private static void account(DynamicPropertyRegistry registry, int index, String id, String secret) {
		String prefix = "deskgraph.accounts[" + index + "].";
		registry.add(prefix + "id", () -> id);
		registry.add(prefix + "vendor", () -> "HUAWEI");
		registry.add(prefix + "region", () -> "cn-north-4");
		registry.add(prefix + "endpoint", () -> "http://127.0.0.1:" + SIMULATOR_PORT);
		registry.add(prefix + "project-id", () -> "0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f");
		registry.add(prefix + "access-key", () -> "HWDEMOAK00000000000A");
		registry.add(prefix + "secret-key", () -> secret);
	}

	@Autowired
	private UpstreamExecutor upstream;

	@BeforeEach
	void resetSimulator() {
		WebClient.create(this.simulator.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		this.upstream.invalidateAll();
	}

	@Test
	void configuredAccountsReplaceTheDemoAccount() {
		this.graphQlTester.documentName("accounts")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("hw-beijing", "hw-broken", "hw-shanghai", "ali-shanghai");
	}

	@Test
	void failingAccountIsReportedWhileTheOthersAnswer() {
		LocalDate today = this.simulator.estate().today();
		int desktops = this.simulator.estate().desktops().size();
		var response = this.graphQlTester.documentName("usageRanking")
			.variable("range", Map.of("from", today.minusDays(7).toString(), "to", today.minusDays(1).toString()))
			.variable("vendors", List.of("HUAWEI"))
			.variable("first", 10)
			.execute();
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getErrorType().toString()).isEqualTo("UPSTREAM_AUTH");
			assertThat(error.getExtensions()).containsEntry("accountId", "hw-broken")
				.containsEntry("vendor", "HUAWEI")
				.containsEntry("upstreamCode", "APIGW.0301")
				.containsEntry("retryable", false)
				.containsKey("upstreamRequestId");
			assertThat(error.getMessage()).doesNotContain("not-the-secret");
		}));
		response.path("usageRanking.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "FAILED", "OK")
			.path("usageRanking.sources[1].error.code")
			.entity(String.class)
			.isEqualTo("UPSTREAM_AUTH")
			.path("usageRanking.totalCount")
			.entity(Integer.class)
			.isEqualTo(2 * desktops);
		// Both healthy accounts see the same estate, so the merged ranking pairs them up.
		List<String> accounts = response.path("usageRanking.edges[*].node.desktop.accountId")
			.entityList(String.class)
			.get();
		assertThat(accounts).containsOnly("hw-beijing", "hw-shanghai");
		List<Long> seconds = response.path("usageRanking.edges[*].node.duration.seconds").entityList(Long.class).get();
		assertThat(seconds).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(seconds.get(0)).isEqualTo(seconds.get(1));
		// One call per healthy account, and the rejected signature is not retried.
		assertThat(upstreamCalls("ListDesktopUsageMetric")).isEqualTo(3);
	}

	private long upstreamCalls(String operation) {
		Map<String, Object> stats = WebClient.create(this.simulator.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		return calls.getOrDefault(operation, 0).longValue();
	}

	@Test
	void statusSumsHealthyAccountsAndKeepsThemApart() {
		int desktops = this.simulator.estate().desktops().size();
		this.graphQlTester.documentName("desktopStatus")
			.variable("vendors", List.of("HUAWEI"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).hasSize(1))
			.path("desktopStatus.total")
			.entity(Integer.class)
			.isEqualTo(2 * desktops)
			.path("desktopStatus.byAccount[*].account.id")
			.entityList(String.class)
			.containsExactly("hw-beijing", "hw-shanghai")
			.path("desktopStatus.sources[1].state")
			.entity(String.class)
			.isEqualTo("FAILED");
	}

	@Test
	void questionsAVendorHasNoApiForReportItsAccountsUnsupported() {
		LocalDate today = this.simulator.estate().today();
		this.graphQlTester.documentName("desktopMetrics")
			.variable("range", Map.of("from", today.minusDays(3).toString(), "to", today.minusDays(1).toString()))
			.variable("accountIds", List.of("hw-beijing", "ali-shanghai"))
			.variable("first", 5)
			.execute()
			.errors()
			.verify()
			.path("desktopMetrics.sources[*].state")
			.entityList(String.class)
			.containsExactly("OK", "UNSUPPORTED")
			.path("desktopMetrics.totalCount")
			.entity(Integer.class)
			.isEqualTo(this.simulator.estate().desktops().size());
	}

	@Test
	void accountIdsSelectOneAccount() {
		LocalDate today = this.simulator.estate().today();
		this.graphQlTester.documentName("usageRanking")
			.variable("range", Map.of("from", today.minusDays(3).toString(), "to", today.minusDays(1).toString()))
			.variable("accountIds", List.of("hw-shanghai"))
			.variable("first", 3)
			.execute()
			.path("usageRanking.sources[*].accountId")
			.entityList(String.class)
			.containsExactly("hw-shanghai")
			.path("usageRanking.edges[*].node.desktop.accountId")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(ids).isNotEmpty().containsOnly("hw-shanghai"));
	}

}
