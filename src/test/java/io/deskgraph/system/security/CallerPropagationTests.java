package io.deskgraph.system.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.deskgraph.connector.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the {@link Caller} of a request reaches the data fetchers over real HTTP:
 * the {@code Query.accounts} fetcher is wrapped, in this test only, to read
 * {@link Caller#current()} before it runs.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=ops",
				"deskgraph.security.api-keys[0].key=" + SecurityTestSupport.OPS_KEY,
				// Anonymous callers are let in here, so their address reaches GraphQL
				// too.
				"deskgraph.security.required=false", "deskgraph.security.trusted-proxies=127.0.0.0/8,::1" })
@ActiveProfiles("unthrottled")
class CallerPropagationTests {

	private static final List<Caller> callers = new CopyOnWriteArrayList<>();

	@LocalServerPort
	private int port;

	private HttpGraphQlTester graphQlTester;

	@BeforeEach
	void connectAndForgetCallers() {
		this.graphQlTester = SecurityTestSupport.graphQlTester(this.port);
		callers.clear();
	}

	@Test
	void dataFetcherSeesTheApiKeyCaller() {
		// Documents of their own, so that no result comes from the response cache.
		this.graphQlTester.mutate()
			.header(ApiKeyAuthenticator.HEADER, SecurityTestSupport.OPS_KEY)
			.build()
			.document("{ keyCaller: accounts { id } }")
			.execute()
			.path("keyCaller")
			.entityList(Object.class)
			.hasSize(2);
		assertThat(callers).containsExactly(new Caller("key:ops"));
	}

	@Test
	void dataFetcherSeesTheAnonymousCallerForwardedByATrustedProxy() {
		this.graphQlTester.mutate()
			.header(ClientAddressResolver.X_FORWARDED_FOR, "203.0.113.1, 198.51.100.7")
			.build()
			.document("{ forwardedCaller: accounts { id } }")
			.execute()
			.path("forwardedCaller")
			.entityList(Object.class)
			.hasSize(2);
		assertThat(callers).containsExactly(new Caller("address:198.51.100.7"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class AccountsFetcherRecordsItsCaller {

		@Bean
		GraphQlSourceBuilderCustomizer recordCallerOfAccounts() {
			return (builder) -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {

				@Override
				public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
						TraverserContext<GraphQLSchemaElement> context) {
					if (context.getParentNode() instanceof GraphQLObjectType type && type.getName().equals("Query")
							&& field.getName().equals("accounts")) {
						GraphQLCodeRegistry.Builder registry = context
							.getVarFromParents(GraphQLCodeRegistry.Builder.class);
						FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
						DataFetcher<?> accounts = registry.getDataFetcher(coordinates, field);
						DataFetcher<Mono<?>> recording = (environment) -> {
							Object value = accounts.get(environment);
							Mono<?> result = (value instanceof Mono<?> mono) ? mono : Mono.justOrEmpty(value);
							return Caller.current().doOnNext(callers::add).then(result);
						};
						registry.dataFetcher(coordinates, recording);
					}
					return TraversalControl.CONTINUE;
				}

			}));
		}

	}

}
