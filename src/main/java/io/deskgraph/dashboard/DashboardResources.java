package io.deskgraph.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the shipped GraphQL operations ({@code /examples/*.graphql}) as UTF-8 text, so
 * that a browser shows them and the dashboard reads them, instead of the
 * {@code application/octet-stream} an unknown extension gets.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebFluxConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/examples/**")
			.addResourceLocations("classpath:/static/examples/")
			.setMediaTypes(Map.of("graphql", new MediaType("text", "plain", StandardCharsets.UTF_8)));
	}

}
