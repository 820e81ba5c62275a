package io.deskgraph.system.observability;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deskgraph.connector.UpstreamExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestLogInterceptor} and the response cache's log line with
 * {@code deskgraph.request-log.every-request} on.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.request-log.every-request=true" })
@ActiveProfiles("unthrottled")
@ExtendWith(OutputCaptureExtension.class)
class RequestLogEveryRequestTests {

	private static final Pattern EXECUTED = Pattern.compile("INFO .*GraphQL request executionId=\\S+ operation=Every "
			+ "duration=\\d+ms sources=\\[huawei-demo:OK\\] upstreamCalls=(\\d+) \\(0 error\\(s\\)\\)");

	private static final Pattern STORED = Pattern
		.compile("INFO .*GraphQL request id=\\S+ operation=Every answered from the response cache \\((\\d+) bytes\\)");

	@Autowired
	private WebTestClient client;

	@Autowired
	private UpstreamExecutor upstream;

	@Test
	void everyRequestIsLoggedAtInfoAnswersFromCachedDataAndStoredResultsIncluded(CapturedOutput output) {
		this.upstream.invalidateAll();
		String first = "query Every { desktopStatus(accountIds: [\"huawei-demo\"]) { total } }";
		String second = "query Every { desktopStatus(accountIds: [\"huawei-demo\"]) { count: total } }";
		String stored = post(first);
		post(second);
		assertThat(post(first)).isEqualTo(stored);
		Matcher executed = EXECUTED.matcher(output.getOut());
		assertThat(executed.find()).as("the first request in %s", output.getOut()).isTrue();
		assertThat(Long.parseLong(executed.group(1))).isPositive();
		assertThat(executed.find()).as("the second, from cached vendor data").isTrue();
		assertThat(executed.group(1)).isEqualTo("0");
		assertThat(executed.find()).as("the third was not executed").isFalse();
		Matcher hit = STORED.matcher(output.getOut());
		assertThat(hit.find()).as("the third, from the response cache").isTrue();
		assertThat(Integer.parseInt(hit.group(1))).isEqualTo(stored.length());
		assertThat(hit.find()).isFalse();
	}

	private String post(String query) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "operationName", "Every"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
