package io.deskgraph.graphql;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Makes the schema an Apollo Federation v2 subgraph: {@code _service}, {@code _entities}
 * and the {@code @EntityMapping} methods that resolve entities.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	@Bean
	GraphQlSourceBuilderCustomizer federationSchemaCustomizer(FederationSchemaFactory factory) {
		return (builder) -> builder.schemaFactory(factory::createGraphQLSchema);
	}

}
