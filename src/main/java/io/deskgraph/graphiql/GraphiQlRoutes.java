package io.deskgraph.graphiql;

import io.deskgraph.system.security.SecurityProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes {@code GET spring.graphql.graphiql.path} to the {@link GraphiQlPage} whenever
 * {@code spring.graphql.graphiql.enabled} is true.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = "spring.graphql.graphiql.enabled", havingValue = "true")
class GraphiQlRoutes {

	@Bean
	GraphiQlPage graphiQlPage(GraphQlProperties graphQl, SecurityProperties security, ResourceLoader resourceLoader) {
		return new GraphiQlPage(graphQl.getHttp().getPath(), !security.apiKeys().isEmpty(),
				ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
	}

	/**
	 * The route to the page, ahead of Spring Boot's {@code graphQlRouterFunction}
	 * ({@code @Order(0)}): while the same property is true, Boot routes the same path to
	 * its own page, which loads GraphiQL from a CDN and so is blank offline.
	 */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphiQlRoute(GraphQlProperties graphQl, GraphiQlPage page) {
		return RouterFunctions.route(RequestPredicates.GET(graphQl.getGraphiql().getPath()), page::serve);
	}

}
