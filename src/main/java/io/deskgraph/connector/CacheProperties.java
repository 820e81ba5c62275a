package io.deskgraph.connector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time to live of cached vendor pages by how long their data stays true, how long a page
 * may be served stale when the vendor fails, and how many pages are kept
 * ({@code deskgraph.cache}).
 *
 * @param finalTtl pages of days the vendor has aggregated
 * @param recentTtl pages that include the current day or end now
 * @param liveTtl status, inventory and export task pages
 * @param staleFor how long past its time to live a page is kept to answer when the vendor
 * fails (reported {@code STALE}); zero disables stale answers
 * @param maximumSize most pages kept per account and API
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.cache")
public record CacheProperties(@DefaultValue("6h") Duration finalTtl, @DefaultValue("60s") Duration recentTtl,
		@DefaultValue("5s") Duration liveTtl, @DefaultValue("1h") Duration staleFor,
		@DefaultValue("2000") long maximumSize) {

	/**
	 * Time to live for a kind of data.
	 * @param freshness the kind
	 * @return the time to live, zero for {@link Freshness#NONE}
	 */
	public Duration ttl(Freshness freshness) {
		return switch (freshness) {
			case FINAL -> this.finalTtl;
			case RECENT -> this.recentTtl;
			case LIVE -> this.liveTtl;
			case NONE -> Duration.ZERO;
		};
	}

}
