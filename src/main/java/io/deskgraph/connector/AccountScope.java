package io.deskgraph.connector;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.lang.Nullable;

/**
 * The accounts a caller may see, carried in the Reactor context of a request from the
 * security filters to the services that select accounts.
 *
 * @author DeskGraph
 */
public final class AccountScope {

	private static final AccountScope ALL = new AccountScope(null);

	@Nullable
	private final Set<String> accountIds;

	private AccountScope(@Nullable Set<String> accountIds) {
		this.accountIds = accountIds;
	}

	/**
	 * The scope of a caller that may see every configured account.
	 * @return the unrestricted scope
	 */
	public static AccountScope all() {
		return ALL;
	}

	/**
	 * The scope of a caller that may see only the given accounts.
	 * @param accountIds the account ids; empty means no account at all
	 * @return the restricted scope
	 */
	public static AccountScope only(Collection<String> accountIds) {
		return new AccountScope(Set.copyOf(accountIds));
	}

	/**
	 * The scope of the current request, read from the Reactor context; a request that
	 * carries none (authentication off, internal calls) sees every account.
	 * @return the scope
	 */
	public static Mono<AccountScope> current() {
		return Mono.deferContextual((context) -> Mono.just(context.getOrDefault(AccountScope.class, ALL)));
	}

	/**
	 * A function for {@code contextWrite} that puts this scope into a Reactor context.
	 * @return the context update
	 */
	public Function<Context, Context> into() {
		return (context) -> context.put(AccountScope.class, this);
	}

	/**
	 * Whether the caller may see an account.
	 * @param accountId the account id
	 * @return true if the account is within this scope
	 */
	public boolean allows(String accountId) {
		return this.accountIds == null || this.accountIds.contains(accountId);
	}

	/**
	 * Whether this scope hides some accounts.
	 * @return true unless every account is visible
	 */
	public boolean isRestricted() {
		return this.accountIds != null;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other
				|| (other instanceof AccountScope scope && Objects.equals(this.accountIds, scope.accountIds));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.accountIds);
	}

	@Override
	public String toString() {
		return (this.accountIds != null) ? "AccountScope" + this.accountIds : "AccountScope[all]";
	}

}
