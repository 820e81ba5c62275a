package io.deskgraph.usage;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.deskgraph.system.PartialResults;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for accounts, desktop status and idle desktops.
 *
 * @author DeskGraph
 */
@Controller
class DesktopController {

	private final DesktopService service;

	DesktopController(DesktopService service) {
		this.service = service;
	}

	@QueryMapping
	List<Account> accounts() {
		return this.service.accounts();
	}

	@QueryMapping
	Mono<DataFetcherResult<DesktopStatusReport>> desktopStatus(@Arguments FieldArguments.Status args,
			DataFetchingEnvironment env) {
		return this.service.desktopStatus(args).map((report) -> PartialResults.of(report, report.sources(), env));
	}

	@QueryMapping
	Mono<DataFetcherResult<Connection<IdleDesktop>>> idleDesktops(@Arguments FieldArguments.Idle args,
			DataFetchingEnvironment env) {
		return this.service.idleDesktops(args).map((page) -> PartialResults.of(page, page.sources(), env));
	}

}
