package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiEstate;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Base of the end-to-end tests: DeskGraph in demo mode over real HTTP, with the embedded
 * Huawei simulator on a free port and its call counters reset before each test.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.simulator.huawei.export-ready-after=1s" })
@ActiveProfiles("unthrottled")
abstract class GatewayTestSupport {

	/** Over a real connection to the running server. */
	protected HttpGraphQlTester graphQlTester;

	@LocalServerPort
	private int serverPort;

	@BeforeEach
	void connectGraphQlTester() {
		this.graphQlTester = HttpGraphQlTester
			.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + this.serverPort + "/graphql").build());
	}

	@Autowired
	protected HuaweiSimulator simulator;

	@Autowired
	protected AlibabaSimulator alibaba;

	@Autowired
	private UpstreamExecutor upstream;

	@BeforeEach
	void resetSimulator() {
		simulatorClient().post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		WebClient.create(this.alibaba.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		// Upstream call counts are per test: answers cached by earlier tests must not
		// hide calls.
		this.upstream.invalidateAll();
	}

	/**
	 * A document scoped to the Huawei demo account, whose values the Huawei estate
	 * predicts.
	 */
	protected GraphQlTester.Request<?> huawei(String documentName) {
		return this.graphQlTester.documentName(documentName).variable("accountIds", List.of("huawei-demo"));
	}

	protected HuaweiEstate estate() {
		return this.simulator.estate();
	}

	protected LocalDate today() {
		return estate().today();
	}

	protected static Map<String, Object> range(LocalDate from, LocalDate to) {
		return Map.of("from", from.toString(), "to", to.toString());
	}

	/** Calls the simulator answered per operation since the last reset. */
	protected long upstreamCalls(String operation) {
		Map<String, Object> stats = simulatorClient().get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		Number count = calls.get(operation);
		return (count != null) ? count.longValue() : 0;
	}

	protected void injectFaults(Map<String, Object> faults) {
		simulatorClient().put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

	/** Sum of a desktop's daily usage in the simulator's estate. */
	protected long estateUsage(String nativeId, LocalDate from, LocalDate to) {
		long sum = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			sum += estate().usageSeconds(nativeId, day);
		}
		return sum;
	}

	protected long estateUserUsage(String userName, LocalDate from, LocalDate to) {
		return estate().desktopsOf(userName).stream().mapToLong((desktop) -> estateUsage(desktop.id(), from, to)).sum();
	}

	private WebClient simulatorClient() {
		return WebClient.create(this.simulator.baseUrl());
	}

	/** A ranking edge as the tests read it. */
	record RankEdge(String cursor, RankNode node) {
	}

	record RankNode(int rank, DesktopView desktop, String userName, DurationView duration) {
	}

	record DesktopView(String id, String nativeId, String accountId, String name) {
	}

	record DurationView(long seconds, double hours) {
	}

	record PageInfoView(boolean hasNextPage, String endCursor) {
	}

	record SourceView(String vendor, String accountId, String state, String fetchedAt, ErrorView error) {
	}

	record ErrorView(String code, String message, boolean retryable, String upstreamCode, String upstreamRequestId) {
	}

	record UsageEdge(String cursor, UsageNode node) {
	}

	record UsageNode(DesktopView desktop, String userName, DurationView total, List<PointView> points) {
	}

	record PointView(String date, Integer hour, DurationView duration) {
	}

}
