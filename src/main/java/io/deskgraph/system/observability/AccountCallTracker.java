package io.deskgraph.system.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.deskgraph.usage.VendorAuthException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Remembers, per account, what the last real vendor calls said about its credentials, by
 * listening to the {@code <accountId>.<Api>} circuit breakers every call passes through,
 * so health checks never call a vendor themselves.
 *
 * @author DeskGraph
 */
@Component
class AccountCallTracker implements RegistryEventConsumer<CircuitBreaker> {

	private final Clock clock;

	private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();

	AccountCallTracker(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onEntryAddedEvent(EntryAddedEvent<CircuitBreaker> event) {
		listenTo(event.getAddedEntry());
	}

	@Override
	public void onEntryRemovedEvent(EntryRemovedEvent<CircuitBreaker> event) {
	}

	@Override
	public void onEntryReplacedEvent(EntryReplacedEvent<CircuitBreaker> event) {
		listenTo(event.getNewEntry());
	}

	private void listenTo(CircuitBreaker breaker) {
		String accountId = accountIdOf(breaker.getName());
		if (accountId == null) {
			return;
		}
		breaker.getEventPublisher()
			.onSuccess((success) -> succeeded(accountId))
			.onError((error) -> failed(accountId, error.getThrowable()))
			.onIgnoredError((error) -> failed(accountId, error.getThrowable()));
	}

	/**
	 * What the last call that reached the vendor said about an account's credentials.
	 * @param accountId the account
	 * @return the verdict, {@link Credentials#UNKNOWN} before any such call
	 */
	Credentials credentials(String accountId) {
		return this.credentials.getOrDefault(accountId, Credentials.UNKNOWN);
	}

	private void succeeded(String accountId) {
		this.credentials.put(accountId, new Credentials(Verdict.ACCEPTED, this.clock.instant(), null));
	}

	private void failed(String accountId, Throwable failure) {
		// Only an authentication failure says anything about the credentials; outages,
		// throttling and rejected arguments leave the last verdict as it was.
		if (failure instanceof VendorAuthException auth) {
			this.credentials.put(accountId,
					new Credentials(Verdict.REJECTED, this.clock.instant(), auth.getUpstreamCode()));
		}
	}

	@Nullable
	private static String accountIdOf(String breakerName) {
		int dot = breakerName.indexOf('.');
		return (dot > 0) ? breakerName.substring(0, dot) : null;
	}

	/**
	 * Whether the vendor accepted an account's credentials on its last call.
	 */
	enum Verdict {

		/** No call has reached the vendor yet. */
		UNKNOWN,

		/** The last call was authenticated. */
		ACCEPTED,

		/** The last call was refused as unauthenticated or unauthorized. */
		REJECTED

	}

	/**
	 * The verdict on an account's credentials.
	 *
	 * @param verdict the verdict
	 * @param at when the call that gave it ended, {@code null} before any call
	 * @param upstreamCode the vendor's error code of a rejection
	 */
	record Credentials(Verdict verdict, @Nullable Instant at, @Nullable String upstreamCode) {

		static final Credentials UNKNOWN = new Credentials(Verdict.UNKNOWN, null, null);

	}

}
