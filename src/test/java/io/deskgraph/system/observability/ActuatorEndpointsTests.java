package io.deskgraph.system.observability;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the actuator endpoints: {@link AccountsHealthContributor} in
 * {@code /actuator/health}, {@code /actuator/prometheus} and what stays hidden.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("unthrottled")
class ActuatorEndpointsTests {

	private static final String BREAKER = "huawei-demo.ListDesktopsStatistics";

	@Autowired
	private WebTestClient client;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@AfterEach
	void closeBreaker() {
		this.circuitBreakers.circuitBreaker(BREAKER).transitionToClosedState();
	}

	@Test
	void healthHasOneComponentPerAccount() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.accounts.status")
			.isEqualTo("UP")
			.jsonPath("$.components.accounts.components.huawei-demo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.accounts.components.alibaba-demo.status")
			.isEqualTo("UP");
	}

	@Test
	void healthGoesDownForAnAccountWhoseBreakerOpensAndUpWhenItCloses() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker(BREAKER);
		breaker.transitionToOpenState();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.accounts.components.huawei-demo.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.accounts.components.alibaba-demo.status")
			.isEqualTo("UP")
			// Details are for authorized callers only.
			.jsonPath("$.components.accounts.components.huawei-demo.details")
			.doesNotExist();
		breaker.transitionToClosedState();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.accounts.components.huawei-demo.status")
			.isEqualTo("UP");
	}

	@Test
	void livenessAnswersForTheProcessAlone() {
		this.circuitBreakers.circuitBreaker(BREAKER).transitionToOpenState();
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusExposesUpstreamCacheResilienceAndGraphQlMetricsWithoutSecrets() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			// A document of its own, executed whatever the response cache holds.
			.bodyValue(Map.of("query", "{ metricsStatus: desktopStatus { total sources { accountId state } } }"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.metricsStatus.sources[0].state")
			.isEqualTo("OK");
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("deskgraph_upstream_requests_seconds_count{")
			.contains("deskgraph_upstream_requests_seconds_bucket{")
			.contains("resilience4j_circuitbreaker_state{")
			.contains("deskgraph_upstream_quota_available{")
			.contains("deskgraph_upstream_quota_waiting{")
			.contains("graphql_request_seconds_count{");
		assertThat(metrics.lines())
			.anyMatch((line) -> line.startsWith("cache_gets_total{") && line.contains("cache=\"deskgraph.upstream\""))
			.anyMatch((line) -> line.startsWith("deskgraph_response_cache_requests_total{"))
			.anyMatch((line) -> line.startsWith("deskgraph_document_cache_requests_total{"))
			.noneMatch((line) -> line.startsWith("graphql_datafetcher_seconds"));
		assertThat(metrics).doesNotContain("hw-demo-secret-key-for-local-use-only")
			.doesNotContain("ali-demo-secret-for-local-use-only")
			.doesNotContain("hw-demo-iam-token-for-local-use-only");
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() {
		for (String endpoint : new String[] { "env", "beans", "configprops", "metrics", "loggers", "heapdump",
				"threaddump", "mappings" }) {
			this.client.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void actuatorIndexListsOnlyHealthInfoAndPrometheus() {
		this.client.get()
			.uri("/actuator")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$._links.health")
			.exists()
			.jsonPath("$._links.prometheus")
			.exists()
			.jsonPath("$._links.env")
			.doesNotExist()
			.jsonPath("$._links.beans")
			.doesNotExist();
	}

}
