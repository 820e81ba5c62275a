package io.deskgraph.system.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of parsed and validated GraphQL documents, and of the limits analysis of
 * their operations.
 *
 * @param maximumWeight the estimated heap the parsed documents may take in all (a
 * document weighs {@value ParsedDocumentCache#HEAP_PER_CHARACTER} bytes per character of
 * its text); beyond it Caffeine evicts the least valuable ones
 * @param maxAnalyses the most documents whose limits analyses are kept (each with the
 * verdicts of up to 32 operations, variables and days)
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.document-cache")
public record DocumentCacheProperties(@DefaultValue("32MB") DataSize maximumWeight,
		@DefaultValue("10000") long maxAnalyses) {

}
