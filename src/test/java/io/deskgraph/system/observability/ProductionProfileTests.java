package io.deskgraph.system.observability;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the safe defaults of the {@code prod} profile ({@code application-prod.yml}).
 *
 * @author DeskGraph
 */
class ProductionProfileTests {

	@Test
	void prodTurnsOnAuthenticationAndJsonLogsAndOffIntrospectionGraphiqlAndDemoMode() throws Exception {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("prod",
				new ClassPathResource("application-prod.yml"));
		assertThat(sources).hasSize(1);
		PropertySource<?> prod = sources.get(0);
		assertThat(prod.getProperty("deskgraph.security.required")).isEqualTo(true);
		assertThat(prod.getProperty("deskgraph.limits.introspection-enabled")).isEqualTo(false);
		assertThat(prod.getProperty("spring.graphql.graphiql.enabled")).isEqualTo(false);
		assertThat(prod.getProperty("spring.graphql.schema.printer.enabled")).isEqualTo(false);
		assertThat(prod.getProperty("deskgraph.simulator.enabled")).isEqualTo(false);
		assertThat(prod.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(prod.getProperty("management.endpoint.health.show-components")).isEqualTo("when-authorized");
	}

}
