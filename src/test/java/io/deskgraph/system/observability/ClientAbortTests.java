package io.deskgraph.system.observability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.deskgraph.system.LogEvents;
import io.deskgraph.system.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ClientAbortFilter}: a client that disconnects mid-body is neither an
 * error in the log nor a server error in the metrics.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"logging.level.io.deskgraph.system.observability.ClientAbortFilter=DEBUG" })
@ActiveProfiles("unthrottled")
class ClientAbortTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private WebTestClient client;

	@Test
	void clientClosingMidBodyIsOneDebugLineWithoutStackTrace() throws IOException {
		try (LogEvents logs = LogEvents.capture()) {
			sendHalfABodyAndClose("Content-Length: 2000\r\n", "{\"query\":\"{ accounts { id } }" + " ".repeat(300));
			List<ILoggingEvent> lines = await().atMost(Duration.ofSeconds(10))
				.until(() -> logs.of(ClientAbortFilter.class), (events) -> !events.isEmpty());
			assertThat(lines).singleElement().satisfies((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
				assertThat(event.getFormattedMessage()).startsWith("HTTP request abandoned by the client requestId=")
					.contains("method=POST path=/graphql");
			});
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
	}

	@Test
	void clientClosingMidChunkedBodyIsNotAnErrorEither() throws IOException {
		try (LogEvents logs = LogEvents.capture()) {
			String chunk = "{\"query\":\"{ accounts { id } }" + " ".repeat(300);
			sendHalfABodyAndClose("Transfer-Encoding: chunked\r\n",
					Integer.toHexString(600) + "\r\n" + chunk.substring(0, 300));
			await().atMost(Duration.ofSeconds(10)).until(() -> !logs.of(ClientAbortFilter.class).isEmpty());
			assertThat(logs.errorsOrStackTraces()).isEmpty();
		}
	}

	@Test
	void abortedRequestIsNotRecordedAsServerError() throws IOException {
		sendHalfABodyAndClose("Content-Length: 2000\r\n", "{\"query\":\"{ accounts { id } }" + " ".repeat(300));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.find("http.server.requests").tag("outcome", "UNKNOWN").timers())
				.isNotEmpty());
		assertThat(this.meters.find("http.server.requests").timers()).extracting(Timer::getId)
			.allSatisfy((id) -> assertThat(id.getTag("outcome")).isNotEqualTo("SERVER_ERROR"));
	}

	@Test
	void otherClientsAreStillAnsweredAfterAnAbort() throws IOException {
		sendHalfABodyAndClose("Content-Length: 2000\r\n", "{\"query\":\"{ accounts { id } }" + " ".repeat(300));
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

	private void sendHalfABodyAndClose(String framing, String part) throws IOException {
		try (RawHttp connection = RawHttp.connect(this.port)) {
			connection.send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing
					+ "\r\n" + part);
		}
	}

}
