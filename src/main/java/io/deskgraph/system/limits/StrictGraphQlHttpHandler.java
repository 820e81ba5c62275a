package io.deskgraph.system.limits;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The GraphQL over HTTP handler, in place of Spring Boot's, reading request bodies with
 * {@link GraphQlRequestReader} so that a malformed body gets HTTP 400 with a
 * GraphQL-shaped error.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StrictGraphQlHttpHandler extends GraphQlHttpHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final GraphQlRequestReader reader;

	StrictGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, GraphQlRequestReader reader) {
		super(graphQlHandler);
		this.graphQlHandler = graphQlHandler;
		this.reader = reader;
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return this.reader.read(request)
			.flatMap(this.graphQlHandler::handleRequest)
			.flatMap((response) -> prepareResponse(request, response));
	}

}
