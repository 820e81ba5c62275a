package io.deskgraph.system.observability;

import java.util.concurrent.CompletionStage;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.SourcedResult;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Notes in the request's {@link RequestActivity} which accounts each multi-account result
 * asked and how each one answered, for the request log.
 *
 * @author DeskGraph
 */
@Component
class SourceRecordingInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, @Nullable InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return (env) -> {
			Object result = dataFetcher.get(env);
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply((value) -> record(value, env));
			}
			return record(result, env);
		};
	}

	@Nullable
	private static Object record(@Nullable Object value, DataFetchingEnvironment env) {
		Object data = (value instanceof DataFetcherResult<?> result) ? result.getData() : value;
		if (data instanceof SourcedResult sourced) {
			RequestActivity activity = env.getGraphQlContext().get(RequestActivity.class);
			if (activity != null) {
				sourced.sources().forEach(activity::source);
			}
		}
		return value;
	}

}
