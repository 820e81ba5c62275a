package io.deskgraph.system.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.deskgraph.system.LogEvents;
import io.deskgraph.system.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RequestBodyTimeouts} over real connections: a stalled or trickling
 * body is cut off within a bound while other clients are answered.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.limits.body-read-timeout=1s", "deskgraph.limits.body-timeout=2s" })
@ActiveProfiles("unthrottled")
class RequestBodyTimeoutTests {

	private static final String HEAD = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
			+ "Content-Length: 1000\r\n\r\n";

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private HuaweiSimulator huawei;

	@Autowired
	private UpstreamExecutor upstream;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void removeLatency() {
		faults(Map.of("latencyMs", 0));
	}

	@Test
	void bodyThatStallsIsCutOffAfterTheReadTimeout() throws IOException {
		try (LogEvents logs = LogEvents.capture(); RawHttp stalled = RawHttp.connect(this.port)) {
			stalled.send(HEAD + "{\"query\":");
			long start = System.nanoTime();
			assertThat(stalled.closedWithin(Duration.ofSeconds(6))).as("closed within 6 s").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			await().atMost(Duration.ofSeconds(5)).until(() -> !logs.of(RejectedRequests.class).isEmpty());
			assertThat(logs.of(RejectedRequests.class)).singleElement().satisfies((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.INFO);
				assertThat(event.getFormattedMessage()).isEqualTo(
						"HTTP request rejected status=408 method=POST path=/graphql: Request body not received in time "
								+ "(deskgraph.limits.body-read-timeout: 1000 ms without a byte); connection closed");
			});
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
	}

	@Test
	void timeoutIsRecordedAsTheClients408NotAsServerError() throws IOException {
		try (RawHttp stalled = RawHttp.connect(this.port)) {
			stalled.send(HEAD + "{\"query\":");
			assertThat(stalled.closedWithin(Duration.ofSeconds(6))).isTrue();
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.meters.find("http.server.requests").tag("status", "408").timers())
				.isNotEmpty());
		assertThat(this.meters.find("http.server.requests").timers()).extracting(Timer::getId)
			.allSatisfy((id) -> assertThat(id.getTag("outcome")).isNotEqualTo("SERVER_ERROR"));
	}

	@Test
	void bodyThatTricklesInIsCutOffAtTheBodyTimeout() throws Exception {
		try (LogEvents logs = LogEvents.capture(); RawHttp trickling = RawHttp.connect(this.port)) {
			trickling.send(HEAD);
			long start = System.nanoTime();
			boolean cutOff = false;
			// One byte every 300 ms never trips the 1 s read timeout; only the 2 s total
			// can.
			while (!cutOff && Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(8)) < 0) {
				try {
					trickling.send(" ");
					cutOff = trickling.closedWithin(Duration.ofMillis(300));
				}
				catch (IOException ex) {
					cutOff = true;
				}
			}
			assertThat(cutOff).as("cut off within 8 s").isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> !logs.of(RejectedRequests.class).isEmpty());
			assertThat(logs.of(RejectedRequests.class)).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage())
					.endsWith("(deskgraph.limits.body-timeout: 2000 ms in all); connection closed"));
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
	}

	@Test
	void otherClientsAreAnsweredWhileABodyStalls() throws IOException {
		try (RawHttp stalled = RawHttp.connect(this.port)) {
			stalled.send(HEAD + "{\"query\":");
			for (int i = 0; i < 3; i++) {
				this.client.post()
					.uri("/graphql")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("query", "{ accounts { id } }"))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.data.accounts.length()")
					.isEqualTo(2);
			}
			assertThat(stalled.closedWithin(Duration.ofSeconds(6))).isTrue();
		}
	}

	@Test
	void executionLongerThanTheBodyTimeoutIsNotCutOff() {
		this.upstream.invalidateAll();
		faults(Map.of("latencyMs", 2500));
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query",
					"{ desktopStatus(accountIds: [\"huawei-demo\"]) { total sources { accountId state } } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.desktopStatus.sources[0].state")
			.isEqualTo("OK");
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
