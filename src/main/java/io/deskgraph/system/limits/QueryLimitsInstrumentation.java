package io.deskgraph.system.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.usage.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rejects a document with too many fields before validation, and an operation whose
 * depth, aliases, cost or vendor calls exceed {@link LimitsProperties}, or that uses
 * introspection while it is disabled, with {@code BAD_REQUEST} errors naming the limit,
 * after validation and before any data fetcher runs; see {@link QueryAnalyzer} for the
 * cost model.
 *
 * @author DeskGraph
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private static final Logger logger = LoggerFactory.getLogger(QueryLimitsInstrumentation.class);

	/**
	 * The longest variables (as text) whose operation's verdict is kept; larger ones are
	 * measured on every request rather than held in memory.
	 */
	private static final int MAX_CACHED_VARIABLES_LENGTH = 1024;

	/** The most verdicts kept per document (different variables or days). */
	private static final int VERDICTS_PER_DOCUMENT = 32;

	private final LimitsProperties properties;

	private final AccountRegistry accounts;

	private final Clock clock;

	/**
	 * The verdicts of operations already measured, per parsed document (held weakly, so a
	 * document the document cache let go is not kept here): an operation's measure
	 * depends only on its document, its variables and the day (date ranges count from
	 * today).
	 */
	private final Cache<Document, Map<AnalysisKey, List<GraphQLError>>> analyses;

	QueryLimitsInstrumentation(LimitsProperties properties, DocumentCacheProperties cacheProperties,
			AccountRegistry accounts, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.clock = clock;
		this.analyses = Caffeine.newBuilder().weakKeys().maximumSize(cacheProperties.maxAnalyses()).build();
	}

	/**
	 * Rejects a document with more field selections than {@code max-fields} before it is
	 * validated: validation compares repeated fields with each other, so a document of
	 * thousands of copies of one field costs far more to validate than to parse.
	 */
	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		long fields = FieldCounter.count(parameters.getDocument());
		if (fields > this.properties.maxFields()) {
			throw new AbortExecutionException(List.of(exceeded("Query field count", "maxFields", "max-fields",
					this.properties.maxFields(), fields, "fields are counted with fragments expanded")));
		}
		return super.beginValidation(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		Map<String, Object> variables = context.getCoercedVariables().toMap();
		// Dates are days of each account's zone: a range is cut at the latest today and
		// may reach back from the earliest, as UsageWindows will.
		Instant now = this.clock.instant();
		LocalDate today = null;
		LocalDate earliestToday = null;
		for (Account account : this.accounts.accounts()) {
			LocalDate day = LocalDate.ofInstant(now, account.dayZone());
			today = (today == null || day.isAfter(today)) ? day : today;
			earliestToday = (earliestToday == null || day.isBefore(earliestToday)) ? day : earliestToday;
		}
		if (today == null) {
			today = LocalDate.ofInstant(now, Account.UTC);
			earliestToday = today;
		}
		List<GraphQLError> errors;
		if (variables.isEmpty() || variables.toString().length() <= MAX_CACHED_VARIABLES_LENGTH) {
			Map<AnalysisKey, List<GraphQLError>> verdicts = this.analyses.get(context.getDocument(),
					(document) -> new Verdicts());
			AnalysisKey key = new AnalysisKey(context.getOperationDefinition().getName(), variables, today,
					earliestToday);
			synchronized (verdicts) {
				errors = verdicts.get(key);
			}
			if (errors == null) {
				errors = analyze(context, variables, today, earliestToday);
				synchronized (verdicts) {
					verdicts.put(key, errors);
				}
			}
		}
		else {
			errors = analyze(context, variables, today, earliestToday);
		}
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/**
	 * Measures an operation with its variables against every limit.
	 * @return the violations, empty when the operation is within the limits
	 */
	private List<GraphQLError> analyze(ExecutionContext context, Map<String, Object> variables, LocalDate today,
			LocalDate earliestToday) {
		OperationDefinition operation = context.getOperationDefinition();
		QueryAnalyzer analyzer = new QueryAnalyzer(context.getGraphQLSchema(), context.getFragmentsByName(), variables,
				this.accounts.accounts());
		QueryAnalyzer.Measure measure = analyzer.measure(operation.getSelectionSet(),
				rootType(context.getGraphQLSchema(), operation));
		List<GraphQLError> errors = violations(measure);
		for (int index : analyzer.invalidRepresentations(operation.getSelectionSet())) {
			String argument = "representations[" + index + "]";
			errors.add(error(argument + ": must be an object such as {__typename: \"Desktop\", id: \"huawei:...\"}",
					Map.of("argument", argument)));
		}
		if (errors.isEmpty()) {
			long calls = new VendorCallEstimator(context.getFragmentsByName(), variables, this.accounts, today,
					earliestToday, this.properties.maxRangeDays())
				.estimate(operation.getSelectionSet());
			if (calls > this.properties.maxUpstreamCalls()) {
				errors.add(exceeded("Vendor calls", "maxUpstreamCalls", "max-upstream-calls",
						this.properties.maxUpstreamCalls(), calls,
						"estimated as accounts × date windows × pages; ask for fewer results, accounts or days"));
			}
		}
		if (!errors.isEmpty()) {
			// The request log line names the rejection; this is for diagnosis only.
			logger.debug("Rejected operation (execution {}): depth {}, aliases {}, cost {}, introspection {}",
					context.getExecutionId(), measure.depth(), measure.aliases(), measure.cost(),
					measure.introspection());
		}
		return List.copyOf(errors);
	}

	private List<GraphQLError> violations(QueryAnalyzer.Measure measure) {
		List<GraphQLError> errors = new ArrayList<>();
		if (measure.introspection() && !this.properties.introspectionEnabled()) {
			errors.add(error("Introspection is disabled (deskgraph.limits.introspection-enabled=false)",
					Map.of("limit", "introspectionEnabled")));
		}
		if (measure.depth() > this.properties.maxDepth()) {
			errors.add(exceeded("Query depth", "maxDepth", "max-depth", this.properties.maxDepth(), measure.depth()));
		}
		if (measure.aliases() > this.properties.maxAliases()) {
			errors.add(exceeded("Query alias count", "maxAliases", "max-aliases", this.properties.maxAliases(),
					measure.aliases()));
		}
		if (measure.cost() > this.properties.maxCost()) {
			errors.add(exceeded("Query cost", "maxCost", "max-cost", this.properties.maxCost(), measure.cost()));
		}
		return errors;
	}

	private static GraphQLError exceeded(String what, String limit, String property, long max, long actual) {
		return exceeded(what, limit, property, max, actual, null);
	}

	private static GraphQLError exceeded(String what, String limit, String property, long max, long actual,
			@Nullable String how) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", limit);
		extensions.put("max", max);
		extensions.put("actual", actual);
		return error(what + " " + actual + " exceeds the maximum of " + max + " (deskgraph.limits." + property + ")"
				+ ((how != null) ? "; " + how : ""), extensions);
	}

	private static GraphQLError error(String message, Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(extensions)
			.build();
	}

	/**
	 * What an operation's measure depends on besides its document: which of its
	 * operations, the variables and the day.
	 */
	private record AnalysisKey(@Nullable String operationName, Map<String, Object> variables, LocalDate day,
			LocalDate earliestDay) {
	}

	/**
	 * The verdicts of one document's operations, the most recently used
	 * {@value #VERDICTS_PER_DOCUMENT} kept.
	 */
	private static final class Verdicts extends LinkedHashMap<AnalysisKey, List<GraphQLError>> {

		Verdicts() {
			super(16, 0.75f, true);
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<AnalysisKey, List<GraphQLError>> eldest) {
			return size() > VERDICTS_PER_DOCUMENT;
		}

	}

	private static GraphQLObjectType rootType(GraphQLSchema schema, OperationDefinition operation) {
		return switch (operation.getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
	}

}
