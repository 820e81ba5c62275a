package io.deskgraph.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.usage.DesktopNotFoundException;
import io.deskgraph.usage.GatewayErrorType;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UpstreamBudgetExceededException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * The one place exceptions become GraphQL errors: invalid input becomes
 * {@code BAD_REQUEST} naming the argument, vendor failures keep their classification and
 * support details, and anything else stays an opaque {@code INTERNAL_ERROR}.
 *
 * @author DeskGraph
 */
@Component
public class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GatewayExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return toError(ex, env);
	}

	/**
	 * Turns any failure of a field into its GraphQL error.
	 * @param ex the failure
	 * @param env the field's environment
	 * @return the error
	 */
	public GraphQLError toError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidArgumentException invalid) {
			return badRequest(invalid, env);
		}
		if (ex instanceof BindException bind) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message("Invalid argument: " + bind.getAllErrors()
					.stream()
					.map((error) -> error.getDefaultMessage())
					.reduce((a, b) -> a + "; " + b)
					.orElse(bind.getMessage()))
				.build();
		}
		if (ex instanceof UpstreamBudgetExceededException budget) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("limit", UpstreamBudgetExceededException.LIMIT);
			extensions.put("max", budget.getMax());
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(budget.getMessage())
				.extensions(extensions)
				.build();
		}
		if (ex instanceof DesktopNotFoundException notFound) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.NOT_FOUND)
				.message(notFound.getMessage())
				.build();
		}
		if (ex instanceof UnsupportedQueryException unsupported) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(unsupported.getMessage())
				.build();
		}
		if (ex instanceof VendorException vendor) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("vendor", vendor.getVendor().name());
			extensions.put("accountId", vendor.getAccountId());
			putIfPresent(extensions, "upstreamCode", vendor.getUpstreamCode());
			putIfPresent(extensions, "upstreamRequestId", vendor.getUpstreamRequestId());
			extensions.put("retryable", vendor.isRetryable());
			if (vendor instanceof VendorQuotaException quota && quota.getRetryAfter() != null) {
				extensions.put("retryAfterSeconds", Math.max(1, (quota.getRetryAfter().toMillis() + 999) / 1000));
			}
			return GraphqlErrorBuilder.newError(env)
				.errorType(GatewayErrorType.of(vendor.classification()))
				.message(vendor.getMessage())
				.extensions(extensions)
				.build();
		}
		String executionId = env.getExecutionId().toString();
		logger.error("Unexpected failure in {} (execution {})", env.getExecutionStepInfo().getPath(), executionId, ex);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; see the server log for execution " + executionId)
			.extensions(Map.of("executionId", executionId))
			.build();
	}

	/**
	 * The error for invalid input, also used where Spring resolves errors outside this
	 * resolver (federation entity fetching).
	 * @param invalid the exception
	 * @param env the field's environment
	 * @return a {@code BAD_REQUEST} error naming the argument
	 */
	public static GraphQLError badRequest(InvalidArgumentException invalid, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(invalid.getMessage())
			.extensions(Map.of("argument", invalid.getArgument()))
			.build();
	}

	static void putIfPresent(Map<String, Object> extensions, String key, Object value) {
		if (value != null) {
			extensions.put(key, value);
		}
	}

}
