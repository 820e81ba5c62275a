package io.deskgraph.system.observability;

import java.time.Duration;

import io.deskgraph.connector.UpstreamExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Logs every GraphQL request once at INFO, with its execution id, operation name,
 * duration, the accounts it asked and the vendor calls it made; never its headers,
 * variables or document.
 *
 * @author DeskGraph
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogInterceptor implements WebGraphQlInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RequestLogInterceptor.class);

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
						request.getOperationName(), start, activity, response.getErrors().size()))
				.doOnError((ex) -> log(request.getId(), request.getOperationName(), start, activity, -1));
		}).contextWrite(Context.of(UpstreamExecutor.CALL_COUNTER, activity.upstreamCalls()));
	}

	private static void log(String executionId, @Nullable String operationName, long start, RequestActivity activity,
			int errors) {
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		String operation = (operationName != null) ? operationName : "-";
		String sources = activity.sources();
		int upstreamCalls = activity.upstreamCalls().get();
		String outcome = (errors < 0) ? "failed" : errors + " error(s)";
		logger.atInfo()
			.addKeyValue("executionId", executionId)
			.addKeyValue("operation", operation)
			.addKeyValue("durationMs", millis)
			.addKeyValue("sources", sources)
			.addKeyValue("upstreamCalls", upstreamCalls)
			.log("GraphQL request executionId={} operation={} duration={}ms sources={} upstreamCalls={} ({})",
					executionId, operation, millis, sources, upstreamCalls, outcome);
	}

}
