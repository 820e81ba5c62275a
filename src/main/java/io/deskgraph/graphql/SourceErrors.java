package io.deskgraph.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.SourceError;
import io.deskgraph.usage.SourceState;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * Builds the GraphQL error of an account that failed or answered stale, the same way for
 * a failed field and for a failed source next to the others' data: the classification as
 * error type, and {@code vendor}, {@code accountId}, {@code sourceState},
 * {@code upstreamCode}, {@code upstreamRequestId}, {@code retryable} and
 * {@code retryAfterSeconds} in its extensions.
 *
 * @author DeskGraph
 */
final class SourceErrors {

	private SourceErrors() {
	}

	/**
	 * The error of one account.
	 * @param env the field's environment
	 * @param vendor the account's vendor
	 * @param accountId the account
	 * @param error why it could not answer
	 * @param state the account's source state in a multi-account result, or {@code null}
	 * when the whole field failed with it
	 * @return the GraphQL error
	 */
	static GraphQLError of(DataFetchingEnvironment env, Vendor vendor, String accountId, SourceError error,
			@Nullable SourceState state) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("vendor", vendor.name());
		extensions.put("accountId", accountId);
		putIfPresent(extensions, "sourceState", (state != null) ? state.name() : null);
		putIfPresent(extensions, "upstreamCode", error.upstreamCode());
		putIfPresent(extensions, "upstreamRequestId", error.upstreamRequestId());
		extensions.put("retryable", error.retryable());
		putIfPresent(extensions, "retryAfterSeconds", error.retryAfterSeconds());
		return GraphqlErrorBuilder.newError(env)
			.errorType(error.code())
			.message(error.message())
			.extensions(extensions)
			.build();
	}

	private static void putIfPresent(Map<String, Object> extensions, String key, @Nullable Object value) {
		if (value != null) {
			extensions.put(key, value);
		}
	}

}
