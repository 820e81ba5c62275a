package io.deskgraph.usage;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * How one account contributed to a result.
 *
 * @param vendor the vendor
 * @param accountId the account
 * @param state whether its data is in the result
 * @param fetchedAt when its data was fetched
 * @param error why it failed
 * @author DeskGraph
 */
public record SourceStatus(Vendor vendor, String accountId, SourceState state, @Nullable Instant fetchedAt,
		@Nullable SourceError error) {

}
