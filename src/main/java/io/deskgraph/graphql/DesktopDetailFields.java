package io.deskgraph.graphql;

import java.util.Map;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import io.deskgraph.usage.Desktop;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the {@code Desktop} fields a desktop named by id takes from its vendor (name,
 * region, state, billing, spec) to one data fetcher each, all answered by
 * {@link DesktopService#detail} through the request's desktop detail loader.
 *
 * @author DeskGraph
 */
@Component
class DesktopDetailFields implements RuntimeWiringConfigurer {

	/** The detail fields and where a desktop that has them keeps them. */
	private static final Map<String, Function<Desktop, Object>> FIELDS = Map.of("name", Desktop::name, "region",
			Desktop::region, "state", Desktop::state, "vendorState", Desktop::vendorState, "billingMode",
			Desktop::billingMode, "vendorBillingMode", Desktop::vendorBillingMode, "spec", Desktop::spec);

	private final DesktopService service;

	DesktopDetailFields(DesktopService service) {
		this.service = service;
	}

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		TypeRuntimeWiring.Builder desktop = TypeRuntimeWiring.newTypeWiring("Desktop");
		FIELDS.forEach((field, value) -> desktop.dataFetcher(field, fetcher(value)));
		builder.type(desktop);
	}

	private DataFetcher<Object> fetcher(Function<Desktop, Object> value) {
		return (env) -> this.service.detail(env.getSource(), value, env,
				env.getDataLoader(DesktopDetailsBatchLoader.NAME));
	}

}
