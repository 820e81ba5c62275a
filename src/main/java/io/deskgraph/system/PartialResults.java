package io.deskgraph.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.SourceStatus;

/**
 * Turns the failed and stale sources of a result into GraphQL errors next to the data, so
 * one failing account never hides the others' answers.
 *
 * @author DeskGraph
 */
public final class PartialResults {

	private PartialResults() {
	}

	/**
	 * Wraps data with one error per failed or stale source.
	 * @param <T> the data type
	 * @param data the field's data
	 * @param sources how each account contributed
	 * @param env the field's environment, for the error path
	 * @return the result
	 */
	public static <T> DataFetcherResult<T> of(T data, List<SourceStatus> sources, DataFetchingEnvironment env) {
		List<GraphQLError> errors = new ArrayList<>();
		for (SourceStatus source : sources) {
			SourceError error = source.error();
			if (error == null || (source.state() != SourceState.FAILED && source.state() != SourceState.STALE)) {
				continue;
			}
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("vendor", source.vendor().name());
			extensions.put("accountId", source.accountId());
			extensions.put("sourceState", source.state().name());
			GatewayExceptionResolver.putIfPresent(extensions, "upstreamCode", error.upstreamCode());
			GatewayExceptionResolver.putIfPresent(extensions, "upstreamRequestId", error.upstreamRequestId());
			extensions.put("retryable", error.retryable());
			errors.add(GraphqlErrorBuilder.newError(env)
				.errorType(GatewayErrorType.of(error.code()))
				.message(error.message())
				.extensions(extensions)
				.build());
		}
		return DataFetcherResult.<T>newResult().data(data).errors(errors).build();
	}

}
