package io.deskgraph.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.DesktopNotFoundException;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.DataPendingException;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.VendorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.graphql.data.federation.RepresentationException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place exceptions become GraphQL errors, for every data fetcher and for
 * federation's entity fetching alike: invalid input becomes {@code BAD_REQUEST} naming
 * the argument, an unknown desktop {@code NOT_FOUND}, vendor failures keep their
 * classification and support details, and anything else stays an opaque
 * {@code INTERNAL_ERROR} logged in full with its execution id.
 *
 * @author DeskGraph
 */
@ControllerAdvice
class GraphQlErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlErrorAdvice.class);

	private static final List<String> ENTITY_TYPES = List.of("Desktop");

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentException ex, DataFetchingEnvironment env) {
		String argument = qualified(ex.getArgument(), env);
		String message = argument.equals(ex.getArgument()) ? ex.getMessage()
				: argument + ex.getMessage().substring(ex.getArgument().length());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("argument", argument))
			.build();
	}

	/**
	 * An argument value refused while it was built (a {@code DateRange} that is inverted)
	 * is invalid input like any other.
	 */
	@GraphQlExceptionHandler
	GraphQLError unbuildableArgument(BeanInstantiationException ex, DataFetchingEnvironment env) {
		return (ex.getCause() instanceof InvalidArgumentException invalid) ? invalidArgument(invalid, env)
				: unexpected(ex, env);
	}

	@GraphQlExceptionHandler
	GraphQLError unboundArgument(BindException ex, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message("Invalid argument: " + ex.getAllErrors()
				.stream()
				.map((error) -> error.getDefaultMessage())
				.reduce((a, b) -> a + "; " + b)
				.orElse(ex.getMessage()))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError unsupported(UnsupportedQueryException ex, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
	}

	@GraphQlExceptionHandler
	GraphQLError overBudget(UpstreamBudgetExceededException ex, DataFetchingEnvironment env) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", UpstreamBudgetExceededException.LIMIT);
		extensions.put("max", ex.getMax());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.extensions(extensions)
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(DesktopNotFoundException ex, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env).errorType(ErrorType.NOT_FOUND).message(ex.getMessage()).build();
	}

	@GraphQlExceptionHandler
	GraphQLError vendorFailure(VendorException ex, DataFetchingEnvironment env) {
		return SourceErrors.of(env, ex.getVendor(), ex.getAccountId(), SourceError.of(ex), null);
	}

	@GraphQlExceptionHandler
	GraphQLError pending(DataPendingException ex, DataFetchingEnvironment env) {
		return SourceErrors.of(env, ex.getVendor(), ex.getAccountId(), SourceError.pending(ex), SourceState.PENDING);
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
	GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
		String executionId = env.getExecutionId().toString();
		logger.error("Unexpected failure in {} (execution {})", env.getExecutionStepInfo().getPath(), executionId, ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; see the server log for execution " + executionId)
			.extensions(Map.of("executionId", executionId))
			.build();
	}

	/**
	 * The argument as the client wrote it: a value refused where it was built knows only
	 * its own name ({@code range}), which the field may take inside its {@code input}.
	 */
	private static String qualified(String argument, DataFetchingEnvironment env) {
		String root = argument.split("[.\\[]", 2)[0];
		if (!env.containsArgument(root) && env.containsArgument("input")) {
			return "input." + argument;
		}
		return argument;
	}

	private static String index(ResultPath path) {
		return (path.isListSegment()) ? "[" + path.getSegmentIndex() + "]" : "";
	}

}
