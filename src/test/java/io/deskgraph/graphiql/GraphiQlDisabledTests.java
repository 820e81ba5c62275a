package io.deskgraph.graphiql;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tests for {@link GraphiQlRoutes} with {@code spring.graphql.graphiql.enabled=false}, as
 * in the prod profile.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"spring.graphql.graphiql.enabled=false" })
@ActiveProfiles("unthrottled")
class GraphiQlDisabledTests {

	@Autowired
	private WebTestClient webTestClient;

	@Test
	void thereIsNoPage() {
		this.webTestClient.get().uri("/graphiql").exchange().expectStatus().isNotFound();
		this.webTestClient.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isNotFound();
	}

}
