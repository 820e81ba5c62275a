package io.deskgraph.system.limits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.connector.VendorQuotaLimiter;
import io.deskgraph.simulator.alibaba.AlibabaSimulator;
import io.deskgraph.simulator.huawei.HuaweiSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of tests that run DeskGraph in demo mode with its default limits and quotas over
 * real HTTP, with both simulators, caches and quota buckets reset before each test.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
public abstract class DefaultLimitsTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	protected int port;

	@Autowired
	protected HuaweiSimulator huawei;

	@Autowired
	protected AlibabaSimulator alibaba;

	@Autowired
	protected UpstreamExecutor upstream;

	@Autowired
	protected VendorQuotaLimiter quotas;

	@Autowired
	protected CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	protected void reset() {
		resetSimulatorsAndBreakers();
		this.upstream.invalidateAll();
		this.quotas.reset();
	}

	/** Clears the simulators' faults and counts and closes every circuit breaker. */
	protected void resetSimulatorsAndBreakers() {
		WebClient.create(this.huawei.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		WebClient.create(this.alibaba.baseUrl()).post().uri("/_sim/reset").retrieve().toBodilessEntity().block();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	protected LocalDate today() {
		return this.huawei.estate().today();
	}

	protected Map<String, Object> post(String query) {
		return post(query, Map.of());
	}

	protected Map<String, Object> post(String query, Map<String, Object> variables) {
		return send(Map.of("query", query, "variables", variables));
	}

	protected Map<String, Object> post(String document, String operationName, Map<String, Object> variables) {
		return send(Map.of("query", document, "operationName", operationName, "variables", variables));
	}

	private Map<String, Object> send(Map<String, Object> body) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/graphql")
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JSON)
			.block();
	}

	protected long vendorCalls() {
		return calls(this.huawei.baseUrl()).values().stream().mapToLong(Number::longValue).sum()
				+ calls(this.alibaba.baseUrl()).values().stream().mapToLong(Number::longValue).sum();
	}

	long huaweiCalls(String operation) {
		return calls(this.huawei.baseUrl()).getOrDefault(operation, 0).longValue();
	}

	@SuppressWarnings("unchecked")
	protected static Map<String, Number> calls(String baseUrl) {
		Map<String, Object> stats = WebClient.create(baseUrl)
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(JSON)
			.block();
		return (Map<String, Number>) stats.get("calls");
	}

	static void assertBadRequest(Map<String, Object> response, String argument, String text) {
		assertThat(errors(response)).as("%s", response).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("argument", argument);
			assertThat((String) error.get("message")).startsWith(argument + ":").contains(text);
		});
	}

	@SuppressWarnings("unchecked")
	protected static List<Map<String, Object>> errors(Map<String, Object> response) {
		return (List<Map<String, Object>>) response.get("errors");
	}

	@SuppressWarnings("unchecked")
	protected static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

}
