package io.deskgraph.system.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.deskgraph.connector.AccountScope;
import io.deskgraph.connector.ResultLifetime;
import io.deskgraph.system.caching.ResponseCache;
import io.deskgraph.system.observability.LogText;
import io.deskgraph.system.observability.RequestLogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The GraphQL over HTTP handler, in place of Spring Boot's, reading request bodies with
 * {@link GraphQlRequestReader} so that a malformed body gets HTTP 400 with a
 * GraphQL-shaped error, and answering from the {@link ResponseCache} what it holds.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StrictGraphQlHttpHandler extends GraphQlHttpHandler {

	/**
	 * What a stored result may be sent as, in order of preference when both are accepted.
	 */
	private static final List<MediaType> STORED_MEDIA_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	/** The deprecated media type Spring's handler still answers with when asked. */
	private static final MediaType APPLICATION_GRAPHQL = new MediaType("application", "graphql+json");

	private static final Logger logger = LoggerFactory.getLogger(StrictGraphQlHttpHandler.class);

	private static final int MAX_OPERATION_NAME = 100;

	private final WebGraphQlHandler graphQlHandler;

	private final GraphQlRequestReader reader;

	private final ResponseCache responses;

	private final PersistedQueryInterceptor persistedQueries;

	private final RequestLogProperties requestLog;

	StrictGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, GraphQlRequestReader reader, ResponseCache responses,
			PersistedQueryInterceptor persistedQueries, RequestLogProperties requestLog) {
		super(graphQlHandler);
		this.requestLog = requestLog;
		this.graphQlHandler = graphQlHandler;
		this.reader = reader;
		this.responses = responses;
		this.persistedQueries = persistedQueries;
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return this.reader.read(request).flatMap((graphQlRequest) -> {
			MediaType storedType = storedMediaType(request);
			if (!this.responses.enabled() || storedType == null || !this.persistedQueries.inOrder(graphQlRequest)) {
				return this.graphQlHandler.handleRequest(graphQlRequest)
					.flatMap((response) -> prepareResponse(request, response));
			}
			return AccountScope.current().flatMap((scope) -> cached(request, graphQlRequest, scope, storedType));
		});
	}

	private Mono<ServerResponse> cached(ServerRequest request, WebGraphQlRequest graphQlRequest, AccountScope scope,
			MediaType storedType) {
		String key = this.responses.keyOf(graphQlRequest, scope);
		byte[] stored = this.responses.lookup(key);
		if (stored != null) {
			return sendStored(graphQlRequest, storedType, stored);
		}
		CompletableFuture<byte[]> mine = new CompletableFuture<>();
		CompletableFuture<byte[]> running = this.responses.join(key, mine);
		if (running != null) {
			// An identical request is being executed: its result is this one's, unless
			// it is not one to store (an error, a stale source), which this request then
			// finds out for itself.
			return Mono.fromFuture(running.copy())
				.flatMap((body) -> sendStored(graphQlRequest, storedType, body))
				.switchIfEmpty(Mono.defer(() -> execute(request, graphQlRequest, key, storedType, null)));
		}
		return execute(request, graphQlRequest, key, storedType, mine);
	}

	/**
	 * Sends stored bytes; they are counted in {@code deskgraph.response.cache.requests}
	 * and, as quick answers from cached data are, logged at DEBUG unless every request is
	 * to be logged.
	 */
	private Mono<ServerResponse> sendStored(WebGraphQlRequest graphQlRequest, MediaType type, byte[] body) {
		this.responses.answered(true);
		if (this.requestLog.everyRequest() || logger.isDebugEnabled()) {
			(this.requestLog.everyRequest() ? logger.atInfo() : logger.atDebug()).log(
					"GraphQL request id={} operation={} answered from the response cache ({} bytes)",
					graphQlRequest.getId(), LogText.of(graphQlRequest.getOperationName(), MAX_OPERATION_NAME),
					body.length);
		}
		return ServerResponse.ok().contentType(type).bodyValue(body);
	}

	/**
	 * Executes a request, stores its result when it may be reused, and hands the stored
	 * bytes to the identical requests waiting for them.
	 */
	private Mono<ServerResponse> execute(ServerRequest request, WebGraphQlRequest graphQlRequest, String key,
			MediaType storedType, @Nullable CompletableFuture<byte[]> waited) {
		this.responses.answered(false);
		long generation = this.responses.generation();
		ResultLifetime lifetime = new ResultLifetime();
		graphQlRequest.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(ResultLifetime.class, lifetime)).build());
		return this.graphQlHandler.handleRequest(graphQlRequest).contextWrite(lifetime.into()).flatMap((response) -> {
			byte[] body = this.responses.store(key, response, lifetime, generation);
			if (waited != null) {
				waited.complete(body);
			}
			return (body != null) ? ServerResponse.ok().contentType(storedType).bodyValue(body)
					: prepareResponse(request, response);
		})
			// Failed or cancelled: those waiting execute for themselves.
			.doFinally((signal) -> {
				if (waited != null) {
					waited.complete(null);
				}
			});
	}

	/**
	 * The media type a stored result is sent as: the first the client accepts that a
	 * stored result can be, as Spring's handler chooses; {@code null} when the client
	 * accepts neither, so the request takes the ordinary path.
	 */
	@Nullable
	private static MediaType storedMediaType(ServerRequest request) {
		List<MediaType> accepted;
		try {
			accepted = request.headers().accept();
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
		for (MediaType type : accepted) {
			if (STORED_MEDIA_TYPES.contains(type)) {
				return type;
			}
			if (type.equals(APPLICATION_GRAPHQL)) {
				// Spring's handler still answers this deprecated type; such requests take
				// the ordinary path.
				return null;
			}
		}
		// What Spring's handler answers when nothing accepted is a type it knows.
		return MediaType.APPLICATION_JSON;
	}

}
