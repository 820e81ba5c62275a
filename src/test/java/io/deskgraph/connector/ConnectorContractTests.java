package io.deskgraph.connector;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.GatewayErrorType;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.StatusFilter;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every vendor's connector must do when its vendor fails, whatever the vendor: each
 * failure becomes the typed exception of its classification, with the vendor, account,
 * HTTP status, vendor code and request id, and never a credential. Each vendor's
 * connector test class extends it and says how its vendor spells these failures.
 *
 * @author DeskGraph
 */
public abstract class ConnectorContractTests {

	/**
	 * The connector under test, with valid credentials, against the vendor's simulator.
	 * @return the connector
	 */
	protected abstract UsageConnector connector();

	/**
	 * The connector under test with a wrong secret.
	 * @param secret the secret to sign with
	 * @return the connector
	 */
	protected abstract UsageConnector connectorWithSecret(String secret);

	/**
	 * The connector under test with a short response timeout.
	 * @param responseTimeout the time limit of one call
	 * @return the connector
	 */
	protected abstract UsageConnector connectorWithResponseTimeout(Duration responseTimeout);

	/**
	 * Puts faults in force at the vendor's simulator.
	 * @param json the {@code /_sim/faults} settings
	 */
	protected abstract void faults(String json);

	/**
	 * How the vendor spells its failures.
	 * @return the vendor's facts
	 */
	protected abstract VendorFacts facts();

	/**
	 * The simulator's today.
	 * @return the day
	 */
	protected abstract LocalDate today();

	@Test
	void wrongSecretIsAnAuthFailureWithTheVendorCodeAndRequestId() {
		VendorFacts facts = facts();
		expectFailure(connectorWithSecret("not-the-secret").desktopStatus(everyDesktop()), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorAuthException.class);
			assertThat(vendor.classification()).isEqualTo(GatewayErrorType.UPSTREAM_AUTH);
			assertThat(vendor.getVendor()).isEqualTo(facts.vendor());
			assertThat(vendor.getAccountId()).isEqualTo(facts.accountId());
			assertThat(vendor.getHttpStatus()).isEqualTo(facts.authStatus());
			assertThat(vendor.getUpstreamCode()).isEqualTo(facts.authCode());
			assertThat(vendor.getUpstreamRequestId()).isNotBlank();
			assertThat(vendor.isRetryable()).isFalse();
			assertThat(vendor.getMessage()).contains(facts.vendor().displayName(), facts.statusOperation(),
					facts.accountId(), facts.authCode());
			assertThat(vendor.getMessage()).doesNotContain("not-the-secret");
		});
	}

	@Test
	void throttlingIsAQuotaFailure() {
		faults("{\"throttleRate\":1}");
		expectFailure(connector().usageRanking(lastWeek(), RankDimension.DESKTOP, 0, 10), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorQuotaException.class);
			assertThat(vendor.classification()).isEqualTo(GatewayErrorType.UPSTREAM_THROTTLED);
			assertThat(vendor.getHttpStatus()).isEqualTo(facts().throttleStatus());
			assertThat(vendor.getUpstreamCode()).startsWith(facts().throttleCode());
			assertThat(vendor.isRetryable()).isTrue();
		});
	}

	@Test
	void serverErrorIsUnavailability() {
		faults("{\"errorRate\":1}");
		expectFailure(connector().desktopStatus(everyDesktop()), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorUnavailableException.class);
			assertThat(vendor.getHttpStatus()).isGreaterThanOrEqualTo(500);
			assertThat(vendor.getUpstreamRequestId()).isNotBlank();
			assertThat(vendor.isRetryable()).isTrue();
		});
	}

	@Test
	void malformedBodyIsUnavailability() {
		faults("{\"malformedRate\":1}");
		expectFailure(connector().usageRanking(lastWeek(), RankDimension.USER, 0, 10), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorUnavailableException.class);
			assertThat(vendor.getHttpStatus()).isEqualTo(200);
			assertThat(vendor.getMessage()).contains("not a valid " + facts().userRankingOperation() + " answer");
		});
	}

	@Test
	void answerSlowerThanTheResponseTimeoutIsUnavailability() {
		faults("{\"latencyMs\":1500}");
		expectFailure(connectorWithResponseTimeout(Duration.ofMillis(300)).desktopStatus(everyDesktop()), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorUnavailableException.class);
			assertThat(vendor.getHttpStatus()).isZero();
			assertThat(vendor.getMessage()).contains("did not answer within 300 ms");
		});
	}

	@Test
	void unansweredCallIsUnavailability() {
		faults("{\"timeoutRate\":1}");
		expectFailure(
				connectorWithResponseTimeout(Duration.ofMillis(500)).usageRanking(lastWeek(), RankDimension.USER, 0, 3),
				(vendor) -> {
					assertThat(vendor).isInstanceOf(VendorUnavailableException.class);
					assertThat(vendor.getMessage()).contains("did not answer within 500 ms");
				});
	}

	@Test
	void droppedConnectionIsUnavailability() {
		faults("{\"down\":true}");
		expectFailure(connector().desktopStatus(everyDesktop()), (vendor) -> {
			assertThat(vendor).isInstanceOf(VendorUnavailableException.class);
			assertThat(vendor.getMessage()).contains("could not be reached");
		});
	}

	private DateRange lastWeek() {
		return new DateRange(today().minusDays(7), today().minusDays(1));
	}

	private static StatusFilter everyDesktop() {
		return new StatusFilter(List.of(), List.of(), true);
	}

	private static void expectFailure(Mono<?> call, java.util.function.Consumer<VendorException> check) {
		StepVerifier.create(call).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(VendorException.class);
			check.accept((VendorException) ex);
		}).verify(Duration.ofSeconds(10));
	}

	/**
	 * How one vendor spells the failures of the contract.
	 *
	 * @param vendor the vendor
	 * @param accountId the account of the connector under test
	 * @param authStatus the HTTP status of a refused signature
	 * @param authCode the vendor code of a refused signature
	 * @param statusOperation the operation that answers desktop status
	 * @param throttleStatus the HTTP status of a throttled call
	 * @param throttleCode the start of the vendor code of a throttled call
	 * @param userRankingOperation the operation that answers a ranking of users
	 */
	public record VendorFacts(Vendor vendor, String accountId, int authStatus, String authCode, String statusOperation,
			int throttleStatus, String throttleCode, String userRankingOperation) {
	}

}
