package io.deskgraph.graphql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.deskgraph.connector.CacheProperties;
import io.deskgraph.connector.Freshness;
import io.deskgraph.connector.TestUpstream;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.connector.UpstreamProperties;
import io.deskgraph.connector.UpstreamRequest;
import io.deskgraph.connector.VendorQuotaLimiter;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.GatewayErrorType;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.StatusCounts;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SourceFanOut}.
 *
 * @author DeskGraph
 */
class SourceFanOutTests {

	private static final Instant NOW = Instant.parse("2026-03-10T15:42:37Z");

	private static final Instant FETCHED = Instant.parse("2026-03-10T15:40:00Z");

	private static final StatusFilter ALL = new StatusFilter(List.of(), List.of(), true);

	private final SourceFanOut fanOut = new SourceFanOut(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void everyConnectorIsAskedAtOnceAndOutcomesFollowConnectorOrder() {
		AtomicInteger asked = new AtomicInteger();
		Sinks.One<StatusCounts> first = Sinks.one();
		Sinks.One<StatusCounts> second = Sinks.one();
		Sinks.One<StatusCounts> third = Sinks.one();
		List<UsageConnector> connectors = List.of(
				answering(huawei("h1"), first.asMono().doOnSubscribe((s) -> asked.incrementAndGet())),
				answering(alibaba("a1"), second.asMono().doOnSubscribe((s) -> asked.incrementAndGet())),
				answering(huawei("h2"), third.asMono().doOnSubscribe((s) -> asked.incrementAndGet())));
		StepVerifier.create(ask(connectors))
			.then(() -> assertThat(asked).as("connectors asked before any answered").hasValue(3))
			.then(() -> third.tryEmitValue(counts(3)))
			.then(() -> second.tryEmitValue(counts(2)))
			.then(() -> first.tryEmitValue(counts(1)))
			.assertNext((outcomes) -> {
				assertThat(outcomes).extracting(SourceOutcome::accountId).containsExactly("h1", "a1", "h2");
				assertThat(outcomes).extracting((outcome) -> outcome.value().total()).containsExactly(1, 2, 3);
				assertThat(outcomes).extracting(SourceOutcome::status)
					.containsExactly(new SourceStatus(Vendor.HUAWEI, "h1", SourceState.OK, NOW, null),
							new SourceStatus(Vendor.ALIBABA, "a1", SourceState.OK, NOW, null),
							new SourceStatus(Vendor.HUAWEI, "h2", SourceState.OK, NOW, null));
			})
			.verifyComplete();
	}

	@Test
	void questionWithoutVendorApiIsUnsupported() {
		List<SourceOutcome<StatusCounts>> outcomes = ask(List.of(new Unanswering(alibaba("a1")))).block();
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.value()).isNull();
			assertThat(outcome.status())
				.isEqualTo(new SourceStatus(Vendor.ALIBABA, "a1", SourceState.UNSUPPORTED, null, null));
		});
	}

	@Test
	void vendorFailureIsAFailedSourceWithItsClassification() {
		VendorException failure = new VendorAuthException(Vendor.HUAWEI, "h2", 401, "APIGW.0301", "req-77",
				"HUAWEI account h2 ListDesktopsStatistics: incorrect IAM authentication information", null);
		List<SourceOutcome<StatusCounts>> outcomes = ask(
				List.of(answering(huawei("h1"), Mono.just(counts(4))), answering(huawei("h2"), Mono.error(failure))))
			.block();
		assertThat(outcomes.get(0).status().state()).isEqualTo(SourceState.OK);
		assertThat(outcomes.get(0).value()).isEqualTo(counts(4));
		SourceOutcome<StatusCounts> failed = outcomes.get(1);
		assertThat(failed.value()).isNull();
		assertThat(failed.status()).isEqualTo(new SourceStatus(Vendor.HUAWEI, "h2", SourceState.FAILED, null,
				new SourceError(GatewayErrorType.UPSTREAM_AUTH,
						"HUAWEI account h2 ListDesktopsStatistics: incorrect IAM authentication information", false,
						"APIGW.0301", "req-77", null)));
		assertThat(failed.status().error()).isEqualTo(SourceError.of(failure));
	}

	@Test
	void throttledSourceSaysWhenToRetryInWholeSecondsRoundedUp() {
		VendorQuotaException failure = new VendorQuotaException(Vendor.ALIBABA, "a1", 400, "Throttling.User",
				"4C1F-REQ", "ALIBABA account a1 DescribeDesktops: throttled", Duration.ofMillis(1500), null);
		SourceStatus status = ask(List.of(answering(alibaba("a1"), Mono.error(failure)))).block().get(0).status();
		assertThat(status.state()).isEqualTo(SourceState.FAILED);
		assertThat(status.error()).isEqualTo(new SourceError(GatewayErrorType.UPSTREAM_THROTTLED,
				"ALIBABA account a1 DescribeDesktops: throttled", true, "Throttling.User", "4C1F-REQ", 2));
	}

	@Test
	void throttledSourceWithoutRetryAfterHasNoRetryAfterSeconds() {
		VendorQuotaException failure = new VendorQuotaException(Vendor.HUAWEI, "h1", 429, "APIGW.0308", null,
				"HUAWEI account h1 ListDesktopsStatistics: throttled", null);
		SourceError error = ask(List.of(answering(huawei("h1"), Mono.error(failure)))).block().get(0).status().error();
		assertThat(error.code()).isEqualTo(GatewayErrorType.UPSTREAM_THROTTLED);
		assertThat(error.retryable()).isTrue();
		assertThat(error.retryAfterSeconds()).isNull();
	}

	@Test
	void unexpectedFailureIsAFailedSourceWithAnOpaqueInternalError() {
		IllegalStateException bug = new IllegalStateException("secret=hunter2 in a stack nobody should see");
		SourceStatus status = ask(List.of(answering(huawei("h1"), Mono.error(bug)))).block().get(0).status();
		assertThat(status.state()).isEqualTo(SourceState.FAILED);
		assertThat(status.fetchedAt()).isNull();
		assertThat(status.error()).isEqualTo(new SourceError(GatewayErrorType.INTERNAL_ERROR,
				"Internal error while asking account h1; see the server log", false, null, null, null));
		assertThat(status.error().message()).doesNotContain("hunter2");
	}

	@Test
	void exceptionThrownWhileAskingIsAFailedSourceToo() {
		List<SourceOutcome<StatusCounts>> outcomes = this.fanOut
			.<StatusCounts>ask(List.of(answering(huawei("h1"), Mono.just(counts(1)))), (connector) -> {
				throw new IllegalStateException("boom");
			})
			.block();
		assertThat(outcomes.get(0).status().state()).isEqualTo(SourceState.FAILED);
		assertThat(outcomes.get(0).status().error().code()).isEqualTo(GatewayErrorType.INTERNAL_ERROR);
	}

	@Test
	void invalidArgumentFailsTheWholeQuestion() {
		InvalidArgumentException invalid = new InvalidArgumentException("range", "too long for this vendor");
		Mono<List<SourceOutcome<StatusCounts>>> outcomes = ask(
				List.of(answering(huawei("h1"), Mono.just(counts(1))), answering(huawei("h2"), Mono.error(invalid))));
		assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(outcomes::block).isSameAs(invalid);
	}

	@Test
	void exceededUpstreamBudgetFailsTheWholeQuestion() {
		UpstreamBudgetExceededException exceeded = new UpstreamBudgetExceededException(60);
		Mono<List<SourceOutcome<StatusCounts>>> outcomes = ask(
				List.of(answering(huawei("h1"), Mono.error(exceeded)), answering(huawei("h2"), Mono.just(counts(1)))));
		assertThatExceptionOfType(UpstreamBudgetExceededException.class).isThrownBy(outcomes::block).isSameAs(exceeded);
	}

	@Test
	void emptyAnswerIsOkWithoutValue() {
		List<SourceOutcome<StatusCounts>> outcomes = ask(List.of(answering(huawei("h1"), Mono.empty()))).block();
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.value()).isNull();
			assertThat(outcome.status()).isEqualTo(new SourceStatus(Vendor.HUAWEI, "h1", SourceState.OK, NOW, null));
		});
	}

	@Test
	void noConnectorsGiveNoOutcomes() {
		assertThat(ask(List.of()).block()).isEmpty();
	}

	@Test
	void fetchedAtIsWhenTheConnectorFetchedItsAnswer() {
		UpstreamExecutor upstream = TestUpstream.direct(Clock.fixed(FETCHED, ZoneOffset.UTC));
		UsageConnector connector = answering(huawei("h1"), upstream.fetch(request("h1"), () -> Mono.just(counts(9))));
		SourceOutcome<StatusCounts> outcome = ask(List.of(connector)).block().get(0);
		assertThat(outcome.value()).isEqualTo(counts(9));
		assertThat(outcome.status()).isEqualTo(new SourceStatus(Vendor.HUAWEI, "h1", SourceState.OK, FETCHED, null));
	}

	@Test
	void fetchedAtIsTheOldestAnswerUsed() {
		UpstreamExecutor earlier = TestUpstream.direct(Clock.fixed(FETCHED, ZoneOffset.UTC));
		UpstreamExecutor later = TestUpstream.direct(Clock.fixed(FETCHED.plusSeconds(90), ZoneOffset.UTC));
		UsageConnector connector = answering(huawei("h1"),
				later.fetch(request("h1"), () -> Mono.just(counts(1)))
					.then(earlier.fetch(request("h1"), () -> Mono.just(counts(2))))
					.then(later.fetch(request("h1"), () -> Mono.just(counts(3)))));
		SourceStatus status = ask(List.of(connector)).block().get(0).status();
		assertThat(status.fetchedAt()).isEqualTo(FETCHED);
	}

	@Test
	void staleAnswerIsAStaleSourceWithTheFailureItStoodInFor() {
		// Answers live a nanosecond and stand in for an hour after: the second question
		// finds its answer expired, the vendor down, and the last good answer.
		CacheProperties cache = new CacheProperties(Duration.ofHours(6), Duration.ofNanos(1), Duration.ofNanos(1),
				Duration.ofNanos(1), Duration.ofHours(1), DataSize.ofMegabytes(1));
		UpstreamExecutor upstream = caching(cache, Clock.fixed(FETCHED, ZoneOffset.UTC));
		AtomicBoolean down = new AtomicBoolean();
		VendorUnavailableException failure = new VendorUnavailableException(Vendor.HUAWEI, "h1", 503, null, "req-9",
				"HUAWEI account h1 ListDesktopsStatistics answered 503", null);
		UsageConnector connector = answering(huawei("h1"),
				upstream.fetch(request("h1"), () -> down.get() ? Mono.error(failure) : Mono.just(counts(5))));
		assertThat(ask(List.of(connector)).block().get(0).status())
			.isEqualTo(new SourceStatus(Vendor.HUAWEI, "h1", SourceState.OK, FETCHED, null));
		down.set(true);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			SourceOutcome<StatusCounts> outcome = ask(List.of(connector)).block().get(0);
			assertThat(outcome.value()).isEqualTo(counts(5));
			assertThat(outcome.status()).isEqualTo(new SourceStatus(Vendor.HUAWEI, "h1", SourceState.STALE, FETCHED,
					new SourceError(GatewayErrorType.UPSTREAM_UNAVAILABLE,
							"HUAWEI account h1 ListDesktopsStatistics answered 503", true, null, "req-9", null)));
		});
	}

	private Mono<List<SourceOutcome<StatusCounts>>> ask(List<UsageConnector> connectors) {
		return this.fanOut.ask(connectors, (connector) -> connector.desktopStatus(ALL));
	}

	private static UsageConnector answering(Account account, Mono<StatusCounts> answer) {
		return new Answering(account, answer);
	}

	private static Account huawei(String id) {
		return new Account(id, Vendor.HUAWEI, "cn-north-4", null);
	}

	private static Account alibaba(String id) {
		return new Account(id, Vendor.ALIBABA, "cn-hangzhou", null);
	}

	private static StatusCounts counts(int total) {
		return new StatusCounts(total, null, null, null, List.of());
	}

	private static UpstreamRequest request(String accountId) {
		return new UpstreamRequest(Vendor.HUAWEI, accountId, "ListDesktopsStatistics", "all", Freshness.LIVE);
	}

	/**
	 * An executor that caches answers as told and neither limits nor retries calls.
	 */
	private static UpstreamExecutor caching(CacheProperties cache, Clock clock) {
		UpstreamProperties noLimits = new UpstreamProperties(
				Map.of("default", new UpstreamProperties.Quota(100_000_000, 1_000_000)), 1.0, 1.0,
				new UpstreamProperties.Retry(Duration.ofMillis(1), Duration.ofMillis(1), 0, 1));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return new UpstreamExecutor(cache, noLimits, new VendorQuotaLimiter(noLimits, meters),
				CircuitBreakerRegistry.ofDefaults(),
				BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1000).build()), meters, clock);
	}

	/**
	 * A connector that answers desktop status with a given answer.
	 */
	private record Answering(Account account, Mono<StatusCounts> answer) implements UsageConnector {

		@Override
		public Mono<StatusCounts> desktopStatus(StatusFilter filter) {
			return this.answer;
		}

	}

	/**
	 * A connector of a vendor with no API for any question.
	 */
	private record Unanswering(Account account) implements UsageConnector {

	}

}
