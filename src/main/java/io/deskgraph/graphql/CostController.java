package io.deskgraph.graphql;

import io.deskgraph.cost.CostSummary;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for cost advice: billing advice per desktop and the cost summary.
 *
 * @author DeskGraph
 */
@Controller
class CostController {

	private final CostService service;

	CostController(CostService service) {
		this.service = service;
	}

	@QueryMapping
	Mono<BillingAdviceConnection> billingAdvice(@Arguments FieldArguments.Advice args) {
		return this.service.billingAdvice(args);
	}

	@QueryMapping
	Mono<CostSummary> costSummary(@Arguments FieldArguments.Costs args) {
		return this.service.costSummary(args);
	}

}
