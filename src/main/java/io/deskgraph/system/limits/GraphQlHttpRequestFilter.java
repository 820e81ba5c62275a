package io.deskgraph.system.limits;

import java.util.List;
import java.util.Set;

import io.deskgraph.system.observability.LogText;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses, before routing, a request to the GraphQL endpoint that cannot be GraphQL over
 * HTTP: a method other than POST (405), a {@code Content-Type} other than
 * {@code application/json} (415) or an {@code Accept} header the endpoint cannot answer
 * (406), each with a GraphQL-shaped JSON error saying what to send instead.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class GraphQlHttpRequestFilter implements WebFilter {

	private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	private static final List<MediaType> ANSWERABLE = List.of(MediaType.APPLICATION_JSON,
			MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.TEXT_EVENT_STREAM);

	private static final String SEND_JSON = "send a POST with Content-Type application/json and a JSON body "
			+ "{\"query\": \"...\", \"operationName\": ..., \"variables\": {...}}";

	private final PathPattern graphQlPath;

	GraphQlHttpRequestFilter(GraphQlProperties properties) {
		this.graphQlPath = graphQlPath(properties);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		// Matched as the router matches, on the decoded path: /%67raphql is /graphql.
		if (!this.graphQlPath.matches(request.getPath().pathWithinApplication())
				|| CorsUtils.isPreFlightRequest(request)) {
			return chain.filter(exchange);
		}
		InvalidGraphQlRequestException invalid = check(request);
		return (invalid != null) ? Mono.error(invalid) : chain.filter(exchange);
	}

	@Nullable
	private static InvalidGraphQlRequestException check(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		if (!HttpMethod.POST.equals(request.getMethod())) {
			HttpHeaders allow = new HttpHeaders();
			allow.setAllow(Set.of(HttpMethod.POST));
			return new InvalidGraphQlRequestException(HttpStatus.METHOD_NOT_ALLOWED,
					"HTTP method " + LogText.of(request.getMethod().name(), 20)
							+ " is not supported by the GraphQL endpoint: " + SEND_JSON,
					allow);
		}
		// Checked here rather than left to Spring for GraphQL, whose fallback for
		// application/graphql logs every request it reads at INFO and ERROR.
		MediaType contentType;
		try {
			contentType = headers.getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			return unsupported("Content-Type could not be parsed: " + SEND_JSON);
		}
		if (contentType == null) {
			return unsupported("Content-Type is missing: " + SEND_JSON);
		}
		if (!MediaType.APPLICATION_JSON.includes(contentType)) {
			String named = LogText.of(contentType.getType() + "/" + contentType.getSubtype(), 100);
			String hint = APPLICATION_GRAPHQL.includes(contentType)
					? " (a bare GraphQL document as the body is not accepted)" : "";
			return unsupported("Content-Type " + named + " is not supported" + hint + ": " + SEND_JSON);
		}
		List<MediaType> accepted;
		try {
			accepted = headers.getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			return notAcceptable("Accept header could not be parsed");
		}
		if (!accepted.isEmpty()
				&& accepted.stream().noneMatch((type) -> ANSWERABLE.stream().anyMatch(type::isCompatibleWith))) {
			return notAcceptable("Accept header names no type the GraphQL endpoint answers with");
		}
		return null;
	}

	private static InvalidGraphQlRequestException unsupported(String message) {
		HttpHeaders accept = new HttpHeaders();
		accept.setAccept(List.of(MediaType.APPLICATION_JSON));
		return new InvalidGraphQlRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, accept);
	}

	private static InvalidGraphQlRequestException notAcceptable(String message) {
		return new InvalidGraphQlRequestException(HttpStatus.NOT_ACCEPTABLE,
				message + ": accept application/json or application/graphql-response+json (text/event-stream for SSE)");
	}

	/**
	 * The GraphQL endpoint's path as the router matches it.
	 * @param properties the GraphQL properties
	 * @return the path pattern
	 */
	static PathPattern graphQlPath(GraphQlProperties properties) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		return parser.parse(parser.initFullPathPattern(properties.getHttp().getPath()));
	}

}
