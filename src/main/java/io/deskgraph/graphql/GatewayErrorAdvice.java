package io.deskgraph.graphql;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Routes failures of controller methods and of federation entity fetching, which Spring
 * resolves outside the data fetcher exception resolvers, to the same errors as
 * {@link GatewayExceptionResolver}, so no exception text ever reaches a client unmapped.
 *
 * @author DeskGraph
 */
@ControllerAdvice
class GatewayErrorAdvice {

	private static final List<String> ENTITY_TYPES = List.of("Desktop");

	private final GatewayExceptionResolver resolver;

	GatewayErrorAdvice(GatewayExceptionResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * A representation naming no entity type of this subgraph, or no type at all, is the
	 * caller's mistake.
	 */
	@GraphQlExceptionHandler
	GraphQLError representation(RepresentationException ex, DataFetchingEnvironment env) {
		Map<String, Object> representation = ex.getRepresentation();
		Object typename = (representation != null) ? representation.get("__typename") : null;
		String argument = "representations" + index(env.getExecutionStepInfo().getPath());
		String problem = (typename instanceof String name)
				? "__typename '" + name + "' is not an entity of this subgraph; DeskGraph resolves "
						+ String.join(", ", ENTITY_TYPES)
				: "__typename is missing; each representation needs __typename and the entity's key fields";
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(argument + ": " + problem)
			.extensions(Map.of("argument", argument))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError any(Throwable ex, DataFetchingEnvironment env) {
		return this.resolver.toError(ex, env);
	}

	private static String index(ResultPath path) {
		return (path.isListSegment()) ? "[" + path.getSegmentIndex() + "]" : "";
	}

}
