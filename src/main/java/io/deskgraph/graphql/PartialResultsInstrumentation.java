package io.deskgraph.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.SourceStatus;
import io.deskgraph.usage.SourcedResult;

import org.springframework.stereotype.Component;

/**
 * Adds one GraphQL error per failed or stale account next to the data of every result
 * assembled from several accounts, so one failing account never hides the others' answers
 * and controllers stay free of error handling.
 *
 * @author DeskGraph
 */
@Component
class PartialResultsInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return (env) -> {
			Object result = dataFetcher.get(env);
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply((value) -> withSourceErrors(value, env));
			}
			return withSourceErrors(result, env);
		};
	}

	private static Object withSourceErrors(Object value, DataFetchingEnvironment env) {
		if (!(value instanceof SourcedResult sourced)) {
			return value;
		}
		List<GraphQLError> errors = new ArrayList<>();
		for (SourceStatus source : sourced.sources()) {
			SourceError error = source.error();
			if (error != null && source.state() != SourceState.OK) {
				errors.add(SourceErrors.of(env, source.vendor(), source.accountId(), error, source.state()));
			}
		}
		return errors.isEmpty() ? value : DataFetcherResult.newResult().data(value).errors(errors).build();
	}

}
