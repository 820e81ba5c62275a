package io.deskgraph.system.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic persisted queries (the Apollo APQ protocol).
 *
 * @param enabled whether clients may send a query's SHA-256 hash instead of the query
 * @param maxSize the most queries kept; beyond it Caffeine evicts the least valuable ones
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.persisted-queries")
public record PersistedQueriesProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maxSize) {

}
