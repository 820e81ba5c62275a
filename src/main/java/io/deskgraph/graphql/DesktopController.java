package io.deskgraph.graphql;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.IdleDesktop;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for accounts, desktop status, idle desktops and desktops resolved
 * by id for federation.
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
	Mono<List<Account>> accounts() {
		return this.service.accounts();
	}

	@QueryMapping
	Mono<DesktopStatusReport> desktopStatus(@Arguments FieldArguments.Status args,
			DataFetchingFieldSelectionSet selection) {
		return this.service.desktopStatus(args, selection);
	}

	@EntityMapping
	Mono<Desktop> desktop(@Argument @Nullable String id) {
		return this.service.desktop(id);
	}

	@QueryMapping
	Mono<Connection<IdleDesktop>> idleDesktops(@Arguments FieldArguments.Idle args) {
		return this.service.idleDesktops(args);
	}

}
