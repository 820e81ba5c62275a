package io.deskgraph.system.limits;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.AbortExecutionException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parses and validates each distinct GraphQL document once: the parsed document, or the
 * errors that rejected it, are kept in a Caffeine cache bounded by their estimated heap
 * and keyed by the document's text, which persisted queries resolve to as well.
 *
 * @author DeskGraph
 */
@Component
class ParsedDocumentCache implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	/** Estimated heap of a parsed document per character of its text. */
	static final int HEAP_PER_CHARACTER = 16;

	private final Cache<String, PreparsedDocumentEntry> documents;

	ParsedDocumentCache(DocumentCacheProperties properties, MeterRegistry meters) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(properties.maximumWeight().toBytes())
			.weigher((String text,
					PreparsedDocumentEntry entry) -> (int) Math.min(Integer.MAX_VALUE,
							64L + (long) text.length() * HEAP_PER_CHARACTER))
			.recordStats()
			.build();
		// Names of their own: the vendor page cache's cache.* meters carry other tags.
		FunctionCounter
			.builder("deskgraph.document.cache.requests", this.documents, (cache) -> cache.stats().hitCount())
			.tag("result", "hit")
			.description("GraphQL documents found parsed and validated")
			.register(meters);
		FunctionCounter
			.builder("deskgraph.document.cache.requests", this.documents, (cache) -> cache.stats().missCount())
			.tag("result", "miss")
			.description("GraphQL documents parsed and validated")
			.register(meters);
		FunctionCounter
			.builder("deskgraph.document.cache.evictions", this.documents, (cache) -> cache.stats().evictionCount())
			.description("Parsed GraphQL documents evicted for room")
			.register(meters);
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(this.documents.get(input.getQuery(), (text) -> {
			try {
				return parseAndValidate.apply(input);
			}
			catch (AbortExecutionException ex) {
				// A document over max-fields is refused before validation: refusing it
				// again costs a lookup, not another parse.
				return new PreparsedDocumentEntry(ex.toExecutionResult().getErrors());
			}
		}));
	}

}
