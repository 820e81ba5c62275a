package io.deskgraph.system.limits;

import java.time.Clock;

import io.deskgraph.connector.RequestBudget;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every GraphQL request its {@link RequestBudget}: a deadline
 * ({@code deskgraph.limits.request-deadline}) by which its waits for vendor quota and its
 * retries end, and the most vendor calls it may cause
 * ({@code deskgraph.limits.max-upstream-calls}).
 *
 * @author DeskGraph
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBudgetInterceptor implements WebGraphQlInterceptor {

	private final LimitsProperties properties;

	private final Clock clock;

	RequestBudgetInterceptor(LimitsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			RequestBudget budget = new RequestBudget(this.clock.instant().plus(this.properties.requestDeadline()),
					this.properties.maxUpstreamCalls());
			return chain.next(request).contextWrite(budget.into());
		});
	}

}
