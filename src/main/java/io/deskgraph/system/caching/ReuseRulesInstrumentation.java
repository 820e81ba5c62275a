package io.deskgraph.system.caching;

import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
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
import io.deskgraph.connector.ResultLifetime;

import org.springframework.stereotype.Component;

/**
 * Marks the results that must never be reused, whatever their data: mutations and
 * subscriptions, introspection, and federation's {@code _entities} and {@code _service}.
 *
 * @author DeskGraph
 */
@Component
class ReuseRulesInstrumentation extends SimplePerformantInstrumentation {

	/** Root fields whose results are not stored. */
	private static final Set<String> NEVER_STORED = Set.of("__schema", "__type", "_entities", "_service");

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		ResultLifetime lifetime = context.getGraphQLContext().get(ResultLifetime.class);
		if (lifetime != null) {
			OperationDefinition operation = context.getOperationDefinition();
			if (operation.getOperation() != OperationDefinition.Operation.QUERY
					|| selectsAny(operation.getSelectionSet(), context.getFragmentsByName(), 0)) {
				lifetime.forbidReuse();
			}
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/**
	 * Whether a root selection set, its fragments expanded, selects a field never stored.
	 */
	private static boolean selectsAny(SelectionSet selections, Map<String, FragmentDefinition> fragments, int depth) {
		// Fragment cycles are refused by validation; the depth bound is a guard only.
		if (depth > 32) {
			return true;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field && NEVER_STORED.contains(field.getName())) {
				return true;
			}
			if (selection instanceof InlineFragment inline
					&& selectsAny(inline.getSelectionSet(), fragments, depth + 1)) {
				return true;
			}
			if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null
					&& selectsAny(fragments.get(spread.getName()).getSelectionSet(), fragments, depth + 1)) {
				return true;
			}
		}
		return false;
	}

}
