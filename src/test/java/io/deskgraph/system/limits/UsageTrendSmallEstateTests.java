package io.deskgraph.system.limits;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.deskgraph.connector.DrainJobs;
import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static io.deskgraph.system.limits.UsageTrendTests.TREND;
import static io.deskgraph.system.limits.UsageTrendTests.accountPoints;
import static io.deskgraph.system.limits.UsageTrendTests.data;
import static io.deskgraph.system.limits.UsageTrendTests.days;
import static io.deskgraph.system.limits.UsageTrendTests.list;
import static io.deskgraph.system.limits.UsageTrendTests.points;
import static io.deskgraph.system.limits.UsageTrendTests.range;
import static io.deskgraph.system.limits.UsageTrendTests.seconds;
import static io.deskgraph.system.limits.UsageTrendTests.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code usageTrend} over estates of two desktops per vendor, where whole days
 * go without usage, and with a vendor failing, with the default limits; retries back off
 * briefly so that a failing vendor fails its source within the request's deadline.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = { "deskgraph.simulator.huawei.desktops=2", "deskgraph.simulator.alibaba.desktops=2",
		"deskgraph.upstream.retry.first-backoff=10ms", "deskgraph.upstream.retry.max-backoff=50ms" })
class UsageTrendSmallEstateTests extends DefaultLimitsTestSupport {

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private DrainJobs drains;

	@BeforeEach
	void closeCircuits() {
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void aDayWithoutUsageIsAZeroPointOfEveryAccountAndOfTheSum() {
		LocalDate idle = today().minusDays(2);
		while (idle.isAfter(today().minusDays(80)) && huaweiEstate(idle) + alibabaEstate(idle) > 0) {
			idle = idle.minusDays(1);
		}
		assertThat(huaweiEstate(idle) + alibabaEstate(idle)).as("usage on %s in two estates of two desktops", idle)
			.isZero();
		LocalDate from = idle.minusDays(3);
		LocalDate to = idle.plusDays(3).isAfter(today().minusDays(2)) ? today().minusDays(2) : idle.plusDays(3);
		Map<String, Object> response = post(TREND, Map.of("range", range(from, to)));
		assertThat(response).as("%s", response).doesNotContainKey("errors");
		Map<String, Object> trend = data(response);
		Map<LocalDate, Long> huawei = new LinkedHashMap<>();
		Map<LocalDate, Long> alibaba = new LinkedHashMap<>();
		Map<LocalDate, Long> both = new LinkedHashMap<>();
		for (LocalDate day : days(from, to)) {
			huawei.put(day, huaweiEstate(day));
			alibaba.put(day, alibabaEstate(day));
			both.put(day, huaweiEstate(day) + alibabaEstate(day));
		}
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(huawei).containsEntry(idle, 0L);
		assertThat(accountPoints(trend, "alibaba-demo")).isEqualTo(alibaba).containsEntry(idle, 0L);
		assertThat(points(list(trend, "points"))).isEqualTo(both).containsEntry(idle, 0L);
		assertThat(seconds(trend.get("total"))).isEqualTo(sum(both));
	}

	@Test
	void aFailingVendorLeavesTheOtherVendorsPointsAndIsAFailedSource() {
		LocalDate from = today().minusDays(8);
		LocalDate to = today().minusDays(2);
		faults(this.alibaba.baseUrl(), Map.of("errorRate", 1.0));
		Map<String, Object> response = post(TREND, Map.of("range", range(from, to)));
		Map<String, Object> trend = data(response);
		Map<LocalDate, Long> huawei = new LinkedHashMap<>();
		days(from, to).forEach((day) -> huawei.put(day, huaweiEstate(day)));
		assertThat(points(list(trend, "points"))).isEqualTo(huawei);
		assertThat(seconds(trend.get("total"))).isEqualTo(sum(huawei));
		assertThat(accountPoints(trend, "huawei-demo")).isEqualTo(huawei);
		assertThat(list(trend, "byAccount")).hasSize(1);
		List<Map<String, Object>> sources = list(trend, "sources");
		assertThat(sources).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:FAILED");
		Map<?, ?> error = (Map<?, ?>) sources.get(1).get("error");
		assertThat(error.get("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
		assertThat(error.get("retryable")).isEqualTo(true);
		assertThat(errors(response)).singleElement()
			.satisfies((graphQlError) -> assertThat(extensions(graphQlError))
				.containsEntry("classification", "UPSTREAM_UNAVAILABLE")
				.containsEntry("accountId", "alibaba-demo")
				.containsEntry("sourceState", "FAILED"));

		// Failed drains are not kept: once the vendor answers again, so does its source.
		await().atMost(Duration.ofSeconds(20)).until(() -> this.drains.running() == 0);
		faults(this.alibaba.baseUrl(), Map.of("errorRate", 0.0));
		closeCircuits();
		Map<String, Object> recovered = post(TREND, Map.of("range", range(from, to)));
		assertThat(recovered).as("%s", recovered).doesNotContainKey("errors");
		assertThat(list(data(recovered), "sources")).extracting((source) -> source.get("state"))
			.containsExactly("OK", "OK");
		Map<LocalDate, Long> alibaba = new LinkedHashMap<>();
		days(from, to).forEach((day) -> alibaba.put(day, alibabaEstate(day)));
		assertThat(accountPoints(data(recovered), "alibaba-demo")).isEqualTo(alibaba);
	}

	private long huaweiEstate(LocalDate day) {
		return this.huawei.estate()
			.desktops()
			.stream()
			.map(HuaweiDesktop::id)
			.mapToLong((id) -> this.huawei.estate().usageSeconds(id, day))
			.sum();
	}

	private long alibabaEstate(LocalDate day) {
		return this.alibaba.estate()
			.desktops()
			.stream()
			.map(AlibabaDesktop::desktopId)
			.mapToLong((id) -> this.alibaba.estate().desktopUsageSeconds(id, day, day))
			.sum();
	}

	private static void faults(String baseUrl, Map<String, Object> faults) {
		WebClient.create(baseUrl).put().uri("/_sim/faults").bodyValue(faults).retrieve().toBodilessEntity().block();
	}

}
