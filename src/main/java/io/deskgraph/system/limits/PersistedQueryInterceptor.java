package io.deskgraph.system.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Implements Apollo's automatic persisted queries: a request carrying
 * {@code extensions.persistedQuery.sha256Hash} without a query runs the query stored
 * under that hash or gets {@code PersistedQueryNotFound}, and a request carrying both
 * stores the query once its SHA-256 matches, in a bounded Caffeine cache.
 *
 * @author DeskGraph
 */
@Component
class PersistedQueryInterceptor implements WebGraphQlInterceptor {

	private static final Pattern SHA_256 = Pattern.compile("[0-9a-fA-F]{64}");

	private final boolean enabled;

	private final Cache<String, String> queries;

	PersistedQueryInterceptor(PersistedQueriesProperties properties) {
		this.enabled = properties.enabled();
		// Evict on the caller's thread so the bound holds as soon as a put returns.
		this.queries = Caffeine.newBuilder().maximumSize(properties.maxSize()).executor(Runnable::run).build();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted)) {
			return chain.next(request);
		}
		String document = request.getDocument();
		boolean hashOnly = !StringUtils.hasText(document)
				|| PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document);
		if (!this.enabled) {
			return hashOnly ? reject(request, "PersistedQueryNotSupported", ApqError.PERSISTED_QUERY_NOT_SUPPORTED)
					: chain.next(request);
		}
		if (!Integer.valueOf(1).equals(persisted.get("version"))) {
			return reject(request,
					"Unsupported persisted query version " + persisted.get("version") + "; only version 1 is supported",
					ErrorType.BAD_REQUEST);
		}
		if (!(persisted.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
			return reject(request, "persistedQuery.sha256Hash must be 64 hexadecimal characters",
					ErrorType.BAD_REQUEST);
		}
		String key = hash.toLowerCase(Locale.ROOT);
		if (hashOnly) {
			String query = this.queries.getIfPresent(key);
			if (query == null) {
				return reject(request, "PersistedQueryNotFound", ApqError.PERSISTED_QUERY_NOT_FOUND);
			}
			request.configureExecutionInput((input, builder) -> builder.query(query).build());
			return chain.next(request);
		}
		if (!sha256(document).equals(key)) {
			return reject(request, "provided sha does not match query", ErrorType.BAD_REQUEST);
		}
		this.queries.put(key, document);
		return chain.next(request);
	}

	/**
	 * Whether a request's result may come from the response cache as far as persisted
	 * queries go: one without the extension, or one whose hash is well formed and either
	 * matches its query or, sent alone, names a stored query. Any other is answered here,
	 * with the error it deserves.
	 * @param request the request
	 * @return true when the request's persisted query, if any, is in order
	 */
	boolean inOrder(WebGraphQlRequest request) {
		if (!(request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted)) {
			return true;
		}
		if (!this.enabled || !Integer.valueOf(1).equals(persisted.get("version"))
				|| !(persisted.get("sha256Hash") instanceof String hash) || !SHA_256.matcher(hash).matches()) {
			return false;
		}
		String key = hash.toLowerCase(Locale.ROOT);
		String document = request.getDocument();
		boolean hashOnly = !StringUtils.hasText(document)
				|| PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document);
		return hashOnly ? this.queries.getIfPresent(key) != null : sha256(document).equals(key);
	}

	/**
	 * How many queries are stored.
	 * @return the number of stored queries
	 */
	long size() {
		this.queries.cleanUp();
		return this.queries.estimatedSize();
	}

	private static Mono<WebGraphQlResponse> reject(WebGraphQlRequest request, String message,
			ErrorClassification classification) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (classification instanceof ApqError code) {
			extensions.put("code", code.name());
		}
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(classification)
				.message(message)
				.extensions(extensions)
				.build())
			.build();
		return Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	}

	private static String sha256(String document) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/**
	 * The error codes Apollo clients look for.
	 */
	enum ApqError implements ErrorClassification {

		/** The hash is not stored; the client retries with the query. */
		PERSISTED_QUERY_NOT_FOUND,

		/** Persisted queries are disabled; the client sends queries in full. */
		PERSISTED_QUERY_NOT_SUPPORTED

	}

}
