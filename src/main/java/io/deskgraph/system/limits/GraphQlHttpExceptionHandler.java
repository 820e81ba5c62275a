package io.deskgraph.system.limits;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Answers every failure of a request to the GraphQL endpoint with a GraphQL-shaped JSON
 * error and its HTTP status: a client mistake in one INFO line, anything else an opaque
 * {@code INTERNAL_ERROR} logged in full; never a stack trace for a client mistake and
 * never a Java class name in the body.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
// Before Spring Boot's DefaultErrorWebExceptionHandler (-1), whose body has another
// shape.
@Order(-2)
class GraphQlHttpExceptionHandler implements WebExceptionHandler {

	private final PathPattern graphQlPath;

	GraphQlHttpExceptionHandler(GraphQlProperties properties) {
		this.graphQlPath = GraphQlHttpRequestFilter.graphQlPath(properties);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()
				|| !this.graphQlPath.matches(exchange.getRequest().getPath().pathWithinApplication())) {
			return Mono.error(ex);
		}
		if (!(ex instanceof ResponseStatusException failure) || failure.getStatusCode().is5xxServerError()) {
			return RejectedRequests.fail(exchange, ex);
		}
		HttpStatusCode status = failure.getStatusCode();
		exchange.getResponse().getHeaders().putAll(failure.getHeaders());
		// Only our own reasons are written for clients; Spring's may name Java types.
		String reason = failure.getReason();
		String message = (ex instanceof InvalidGraphQlRequestException && reason != null) ? reason : describe(status);
		return RejectedRequests.reject(exchange, status, message, Map.of());
	}

	private static String describe(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "Malformed request: send a POST with Content-Type application/json and a JSON object "
					+ "{\"query\": \"...\"}";
			case 405 -> "HTTP method not supported by the GraphQL endpoint: send a POST";
			case 406 -> "Not acceptable: accept application/json or application/graphql-response+json";
			case 415 -> "Content-Type not supported: send application/json";
			default -> {
				HttpStatus known = HttpStatus.resolve(status.value());
				yield (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
			}
		};
	}

}
