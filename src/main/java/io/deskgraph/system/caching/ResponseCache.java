package io.deskgraph.system.caching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.connector.ResultLifetime;
import io.deskgraph.connector.UpstreamExecutor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Stores whole GraphQL results as the bytes sent, per document, operation, variables and
 * caller scope, for no longer than the first vendor answer in them stays true; a result
 * with any error, a stale answer, or an operation that is not a plain query is never
 * stored.
 *
 * @author DeskGraph
 */
@Component
public class ResponseCache {

	private static final Logger logger = LoggerFactory.getLogger(ResponseCache.class);

	/** Estimated heap of one entry beyond its bytes: its key, record and map node. */
	private static final int ENTRY_OVERHEAD = 256;

	private final ResponseCacheProperties properties;

	private final UpstreamExecutor upstream;

	private final Clock clock;

	private final ObjectMapper objectMapper;

	/** Variables with map keys in order, so that the same variables make the same key. */
	private final ObjectWriter canonicalWriter;

	private final Cache<String, StoredResponse> responses;

	/**
	 * Executions under way per key, so that identical requests arriving together make one
	 * execution: the others wait for its bytes.
	 */
	private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

	private final Counter hits;

	private final Counter misses;

	private final Counter puts;

	ResponseCache(ResponseCacheProperties properties, UpstreamExecutor upstream, Clock clock, ObjectMapper objectMapper,
			MeterRegistry meters) {
		this.properties = properties;
		this.upstream = upstream;
		this.clock = clock;
		this.objectMapper = objectMapper;
		this.canonicalWriter = objectMapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
		Counter evictions = Counter.builder("deskgraph.response.cache.evictions")
			.description("Stored GraphQL results evicted for room")
			.register(meters);
		this.responses = Caffeine.newBuilder()
			.maximumWeight(properties.maximumWeight().toBytes())
			.weigher((String key, StoredResponse stored) -> ENTRY_OVERHEAD + stored.body().length)
			.expireAfter(new StoredExpiry())
			.evictionListener((String key, StoredResponse stored, RemovalCause cause) -> {
				if (cause == RemovalCause.SIZE) {
					evictions.increment();
				}
			})
			.build();
		this.hits = gets(meters, "hit");
		this.misses = gets(meters, "miss");
		this.puts = Counter.builder("deskgraph.response.cache.puts")
			.description("GraphQL results stored")
			.register(meters);
	}

	private static Counter gets(MeterRegistry meters, String result) {
		// Names of their own: the vendor page cache's cache.* meters carry other tags.
		return Counter.builder("deskgraph.response.cache.requests")
			.tag("result", result)
			.description("GraphQL requests answered from stored results (hit) or executed (miss)")
			.register(meters);
	}

	/**
	 * Whether results are stored at all ({@code deskgraph.response-cache.enabled}).
	 * @return true when enabled
	 */
	public boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * The key of a request's result: the SHA-256 of its document (or the persisted-query
	 * hash it sent instead), its operation name, its variables and the scope of its
	 * caller, hashed together.
	 * @param request the request
	 * @param scope the accounts its caller may see
	 * @return the key
	 */
	public String keyOf(WebGraphQlRequest request, AccountScope scope) {
		String document = request.getDocument();
		// A persisted query's hash is the SHA-256 of its document, so a request sending
		// only the hash finds the result of one that sent the document.
		String documentHash = (StringUtils.hasText(document) && !isPersistedQueryMarker(document)) ? sha256(document)
				: persistedQueryHash(request);
		StringBuilder key = new StringBuilder(documentHash).append('\n')
			.append((request.getOperationName() != null) ? request.getOperationName() : "")
			.append('\n')
			.append(canonical(request.getVariables()))
			.append('\n')
			.append(scope.isRestricted() ? scope.toString() : "*");
		return sha256(key.toString());
	}

	/**
	 * The stored result of a request, if it is still true.
	 * @param key the request's key
	 * @return the bytes to send, or {@code null}
	 */
	@Nullable
	public byte[] lookup(String key) {
		StoredResponse stored = this.responses.getIfPresent(key);
		if (stored != null && (stored.generation() != this.upstream.generation()
				|| !this.clock.instant().isBefore(stored.expiresAt()))) {
			this.responses.asMap().remove(key, stored);
			stored = null;
		}
		return (stored != null) ? stored.body() : null;
	}

	/**
	 * Counts how a request was answered: from stored bytes (found stored, or shared by an
	 * identical request executed at the same time), or by executing it.
	 * @param stored whether stored bytes were sent
	 */
	public void answered(boolean stored) {
		(stored ? this.hits : this.misses).increment();
	}

	/**
	 * Stores a result when it may be reused: no error, no stale answer, an operation to
	 * reuse, and vendor answers that stay true a while yet.
	 * @param key the request's key
	 * @param response the result
	 * @param lifetime what the result's vendor answers allow
	 * @param generation the generation of the cached vendor answers when the request
	 * started
	 * @return the result's bytes when it was stored, else {@code null}
	 */
	@Nullable
	public byte[] store(String key, WebGraphQlResponse response, ResultLifetime lifetime, long generation) {
		if (!response.isValid() || !response.getErrors().isEmpty() || !lifetime.reusable()
				|| generation != this.upstream.generation()) {
			return null;
		}
		Instant now = this.clock.instant();
		Instant latest = now.plus(this.properties.maxTtl());
		Instant expiresAt = (lifetime.expiresAt() != null && lifetime.expiresAt().isBefore(latest))
				? lifetime.expiresAt() : latest;
		if (!expiresAt.isAfter(now)) {
			return null;
		}
		byte[] body;
		try {
			body = this.objectMapper.writeValueAsBytes(response.toMap());
		}
		catch (JsonProcessingException ex) {
			logger.warn("A GraphQL result could not be written for the response cache: {}", ex.getMessage());
			return null;
		}
		this.responses.put(key, new StoredResponse(body, expiresAt, generation));
		this.puts.increment();
		return body;
	}

	/**
	 * Joins the execution of a request whose result another identical request is
	 * building, or registers this one as that execution.
	 * @param key the request's key
	 * @param mine completed with this request's stored bytes (or {@code null} when its
	 * result is not stored) once it is done
	 * @return the execution to wait for, or {@code null} when this request is the one to
	 * execute
	 */
	@Nullable
	public CompletableFuture<byte[]> join(String key, CompletableFuture<byte[]> mine) {
		CompletableFuture<byte[]> running = this.inFlight.putIfAbsent(key, mine);
		if (running == null) {
			mine.whenComplete((body, failure) -> this.inFlight.remove(key, mine));
		}
		return running;
	}

	/**
	 * The generation of the cached vendor answers now, to hand to
	 * {@link #store(String, WebGraphQlResponse, ResultLifetime, long)} when the request
	 * is done.
	 * @return the generation
	 */
	public long generation() {
		return this.upstream.generation();
	}

	private String canonical(@Nullable Map<String, Object> variables) {
		if (variables == null || variables.isEmpty()) {
			return "{}";
		}
		try {
			return this.canonicalWriter.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			// Variables read from JSON always write back; a key that matches nothing
			// else is the safe answer if they do not.
			return "!" + System.identityHashCode(variables);
		}
	}

	private static boolean isPersistedQueryMarker(String document) {
		return "PersistedQuery".equals(document);
	}

	private static String persistedQueryHash(WebGraphQlRequest request) {
		if (request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return hash.toLowerCase(Locale.ROOT);
		}
		return "none";
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/**
	 * A stored result: the bytes sent, when its first vendor answer stops being true, and
	 * the generation of the cached vendor answers it was built from.
	 */
	private record StoredResponse(byte[] body, Instant expiresAt, long generation) {
	}

	/**
	 * Lets a stored result go when it stops being true.
	 */
	private final class StoredExpiry implements Expiry<String, StoredResponse> {

		@Override
		public long expireAfterCreate(String key, StoredResponse stored, long currentTime) {
			return Math.max(0, Duration.between(ResponseCache.this.clock.instant(), stored.expiresAt()).toNanos());
		}

		@Override
		public long expireAfterUpdate(String key, StoredResponse stored, long currentTime, long currentDuration) {
			return expireAfterCreate(key, stored, currentTime);
		}

		@Override
		public long expireAfterRead(String key, StoredResponse stored, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
