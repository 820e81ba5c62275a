package io.deskgraph.connector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Time to live of cached vendor pages by how long their data stays true, how long a page
 * may be served stale when the vendor fails, and how much memory the cached pages may
 * take ({@code deskgraph.cache}).
 *
 * @param finalTtl pages of days the vendor has aggregated
 * @param recentTtl pages that include the current day or end now
 * @param liveTtl status counts and export task pages
 * @param inventoryTtl desktop inventories (names, end users, connection states), which
 * idle desktops and the connection part of status are read from
 * @param staleFor how long past its time to live a page is kept to answer when the vendor
 * fails (reported {@code STALE}); zero disables stale answers
 * @param maximumWeight the memory the cached vendor pages of all accounts may take,
 * estimated as twice the size of their JSON; the least valuable pages go first. The last
 * good answers kept for {@code staleFor} and completed drains have the same budget each
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.cache")
public record CacheProperties(@DefaultValue("6h") Duration finalTtl, @DefaultValue("60s") Duration recentTtl,
		@DefaultValue("5s") Duration liveTtl, @DefaultValue("5m") Duration inventoryTtl,
		@DefaultValue("1h") Duration staleFor, @DefaultValue("256MB") DataSize maximumWeight) {

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
			case INVENTORY -> this.inventoryTtl;
			case NONE -> Duration.ZERO;
		};
	}

}
