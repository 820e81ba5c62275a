package io.deskgraph.system.caching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of whole GraphQL results.
 *
 * @param enabled whether results are stored and answered from the cache
 * @param maximumWeight the memory the stored results may take, by their size in bytes
 * @param maxTtl the longest a result is kept, however long its vendor data stays true;
 * also the life of a result that read no vendor data (such as {@code accounts})
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.response-cache")
public record ResponseCacheProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("64MB") DataSize maximumWeight, @DefaultValue("5m") Duration maxTtl) {

}
