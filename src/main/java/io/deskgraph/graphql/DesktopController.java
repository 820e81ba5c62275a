package io.deskgraph.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.deskgraph.usage.Account;
import io.deskgraph.usage.Desktop;
import io.deskgraph.usage.IdleDesktop;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry points for accounts, desktop status, idle desktops and the desktop fields
 * a desktop named by id takes from its vendor.
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

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> name(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::name, env, desktopDetails);
	}

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> region(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::region, env, desktopDetails);
	}

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> state(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::state, env, desktopDetails);
	}

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> vendorState(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::vendorState, env, desktopDetails);
	}

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> billingMode(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::billingMode, env, desktopDetails);
	}

	@SchemaMapping(typeName = "Desktop")
	CompletableFuture<Object> vendorBillingMode(Desktop desktop, DataFetchingEnvironment env,
			DataLoader<DesktopDetailsBatchLoader.Key, Desktop> desktopDetails) {
		return this.service.detail(desktop, Desktop::vendorBillingMode, env, desktopDetails);
	}

	@QueryMapping
	Mono<Connection<IdleDesktop>> idleDesktops(@Arguments FieldArguments.Idle args) {
		return this.service.idleDesktops(args);
	}

}
