package io.deskgraph.system.limits;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The GraphQL over Server-Sent Events handler, in place of Spring Boot's, reading request
 * bodies with {@link GraphQlRequestReader} like {@link StrictGraphQlHttpHandler}, so that
 * {@code Accept: text/event-stream} is no way around its checks.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StrictGraphQlSseHandler extends GraphQlSseHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final GraphQlRequestReader reader;

	StrictGraphQlSseHandler(WebGraphQlHandler graphQlHandler, GraphQlRequestReader reader,
			GraphQlProperties properties) {
		super(graphQlHandler, properties.getHttp().getSse().getTimeout(), properties.getHttp().getSse().getKeepAlive());
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
