package io.deskgraph.system.observability;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import graphql.ErrorClassification;
import io.deskgraph.connector.UpstreamExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Logs every executed GraphQL request once, with its execution id, operation name,
 * duration, the accounts it asked, the vendor calls it made and the classifications of
 * its errors, never its headers, variables or document: at INFO when it called a vendor,
 * had errors or was slow (or always, when configured), else at DEBUG.
 *
 * @author DeskGraph
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogInterceptor implements WebGraphQlInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RequestLogInterceptor.class);

	private static final int MAX_OPERATION_NAME = 100;

	private final RequestLogProperties properties;

	RequestLogInterceptor(RequestLogProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		RequestActivity activity = new RequestActivity();
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(RequestActivity.class, activity);
			return input;
		});
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return chain.next(request)
				.doOnNext((response) -> log(response.getExecutionInput().getExecutionId().toString(),
						request.getOperationName(), start, activity, response.getErrors()))
				.doOnError((ex) -> log(request.getId(), request.getOperationName(), start, activity, null));
		}).contextWrite(Context.of(UpstreamExecutor.CALL_COUNTER, activity.upstreamCalls()));
	}

	private void log(String executionId, @Nullable String operationName, long start, RequestActivity activity,
			@Nullable List<ResponseError> errors) {
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		int upstreamCalls = activity.upstreamCalls().get();
		// Requests that reach a vendor or fail come at the rate of the vendors' quotas or
		// of mistakes, each worth a line; quick answers from cached data come by the
		// thousand a second.
		boolean notable = this.properties.everyRequest() || errors == null || !errors.isEmpty() || upstreamCalls > 0
				|| millis >= this.properties.slowThreshold().toMillis();
		if (!notable && !logger.isDebugEnabled()) {
			return;
		}
		// The operation name is the client's: escaped and bounded so that it can neither
		// start a forged log line nor make this one arbitrarily long.
		String operation = LogText.of(operationName, MAX_OPERATION_NAME);
		String sources = activity.sources();
		String outcome = (errors != null) ? errors.size() + " error(s)" : "failed";
		Set<String> classifications = new LinkedHashSet<>();
		if (errors != null) {
			errors.forEach((error) -> classifications.add(classification(error)));
		}
		String errorTypes = classifications.toString();
		(notable ? logger.atInfo() : logger.atDebug()).addKeyValue("executionId", executionId)
			.addKeyValue("operation", operation)
			.addKeyValue("durationMs", millis)
			.addKeyValue("sources", sources)
			.addKeyValue("upstreamCalls", upstreamCalls)
			.addKeyValue("errors", errorTypes)
			.log("GraphQL request executionId={} operation={} duration={}ms sources={} upstreamCalls={} ({}){}",
					executionId, operation, millis, sources, upstreamCalls, outcome,
					classifications.isEmpty() ? "" : " errors=" + errorTypes);
	}

	private static String classification(ResponseError error) {
		ErrorClassification type = error.getErrorType();
		return LogText.of((type instanceof Enum<?> constant) ? constant.name() : String.valueOf(type), 50);
	}

}
