package io.deskgraph.system.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.deskgraph.system.limits.LimitsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Keeps federation's {@code _service { sdl }}, the whole schema, from callers other than
 * federation routers while introspection is disabled: the operation is rejected with a
 * {@code FORBIDDEN} error naming the rule, after validation and before any data fetcher
 * runs; with introspection enabled it does nothing.
 *
 * @author DeskGraph
 */
@Component
class FederationServiceInstrumentation extends SimplePerformantInstrumentation {

	private static final Logger logger = LoggerFactory.getLogger(FederationServiceInstrumentation.class);

	private static final String SERVICE_FIELD = "_service";

	private final LimitsProperties limits;

	private final SecurityProperties security;

	FederationServiceInstrumentation(LimitsProperties limits, SecurityProperties security) {
		this.limits = limits;
		this.security = security;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		OperationDefinition operation = context.getOperationDefinition();
		if (this.limits.introspectionEnabled() || operation.getOperation() != OperationDefinition.Operation.QUERY
				|| !selects(operation.getSelectionSet(), context.getFragmentsByName(), new HashSet<>())
				|| CallerAuthoritiesInterceptor.authoritiesOf(context.getGraphQLContext())
					.contains(Roles.authority(Roles.FEDERATION))) {
			return super.beginExecuteOperation(parameters, state);
		}
		// The request log line names the rejection (errors=[FORBIDDEN]); this is for
		// diagnosis.
		logger.debug(
				"Rejected operation {} (execution {}): _service asked for by a caller without the federation role "
						+ "while introspection is disabled",
				Objects.requireNonNullElse(operation.getName(), "-"), context.getExecutionId());
		throw new AbortExecutionException(List.of(forbidden()));
	}

	/**
	 * Whether a root selection asks for {@code _service}, aliased, directly or in
	 * fragments; directives are not evaluated, so a skipped {@code _service} counts too.
	 */
	private static boolean selects(SelectionSet selectionSet, Map<String, FragmentDefinition> fragments,
			Set<String> seen) {
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field && field.getName().equals(SERVICE_FIELD)) {
				return true;
			}
			if (selection instanceof InlineFragment inline && selects(inline.getSelectionSet(), fragments, seen)) {
				return true;
			}
			if (selection instanceof FragmentSpread spread && seen.add(spread.getName())) {
				FragmentDefinition fragment = fragments.get(spread.getName());
				if (fragment != null && selects(fragment.getSelectionSet(), fragments, seen)) {
					return true;
				}
			}
		}
		return false;
	}

	private GraphQLError forbidden() {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.FORBIDDEN)
			.message("_service is only for federation routers while introspection is disabled "
					+ "(deskgraph.limits.introspection-enabled=false): use an API key with federation: true "
					+ "or a bearer token with the '" + this.security.federationScope() + "' scope")
			.extensions(Map.of("rule", "federationService"))
			.build();
	}

}
