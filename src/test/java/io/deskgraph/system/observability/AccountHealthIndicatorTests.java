package io.deskgraph.system.observability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.deskgraph.usage.Account;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AccountHealthIndicator} and {@link AccountCallTracker}.
 *
 * @author DeskGraph
 */
class AccountHealthIndicatorTests {

	private static final Account ACCOUNT = new Account("hw", Vendor.HUAWEI, "cn-north-4", "Huawei");

	private final AccountCallTracker calls = new AccountCallTracker(
			Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

	private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(
			CircuitBreakerConfig.custom().ignoreExceptions(VendorAuthException.class).build(),
			List.<RegistryEventConsumer<CircuitBreaker>>of(this.calls));

	private final AccountHealthIndicator indicator = new AccountHealthIndicator(ACCOUNT, this.circuitBreakers,
			this.calls);

	@Test
	void upBeforeAnyCallWithCredentialsUnknown() {
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("credentials", "UNKNOWN").containsEntry("vendor", "HUAWEI");
	}

	@Test
	void downWhenTheLastCallWasRejectedAsUnauthenticatedAndUpAfterASuccess() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("hw.ListDesktopsStatistics");
		call(breaker, Mono.error(new VendorAuthException(Vendor.HUAWEI, "hw", 401, "APIGW.0301", "req-1",
				"Huawei rejected the signature", null)));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("credentials", "REJECTED")
			.containsEntry("credentialsCheckedAt", "2026-11-23T10:00:00Z");
		assertThat((String) health.getDetails().get("reason")).contains("UPSTREAM_AUTH").contains("APIGW.0301");
		call(breaker, Mono.just("ok"));
		assertThat(health().getStatus()).isEqualTo(Status.UP);
		assertThat(health().getDetails()).containsEntry("credentials", "ACCEPTED");
	}

	@Test
	void outagesDoNotChangeTheCredentialsVerdict() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("hw.ListUnusedDesktops");
		call(breaker, Mono.just("ok"));
		call(breaker, Mono.error(new VendorUnavailableException(Vendor.HUAWEI, "hw", 503, null, null, "down", null)));
		assertThat(health().getDetails()).containsEntry("credentials", "ACCEPTED");
	}

	@Test
	void downWhileABreakerOfTheAccountIsOpen() {
		this.circuitBreakers.circuitBreaker("hw.ListUsedDesktopInfo").transitionToOpenState();
		this.circuitBreakers.circuitBreaker("hw-other.ListUsedDesktopInfo").transitionToOpenState();
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("openCircuits", List.of("ListUsedDesktopInfo"));
		this.circuitBreakers.circuitBreaker("hw.ListUsedDesktopInfo").transitionToClosedState();
		assertThat(health().getStatus()).isEqualTo(Status.UP);
	}

	private Health health() {
		return this.indicator.health().block();
	}

	private static void call(CircuitBreaker breaker, Mono<String> call) {
		call.transformDeferred(CircuitBreakerOperator.of(breaker)).onErrorResume((ex) -> Mono.empty()).block();
	}

}
