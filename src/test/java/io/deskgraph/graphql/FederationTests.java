package io.deskgraph.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.deskgraph.simulator.alibaba.AlibabaDesktop;
import io.deskgraph.simulator.huawei.HuaweiDesktop;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for DeskGraph as an Apollo Federation v2 subgraph, and for the cost of nested
 * {@code Desktop.usage} across both vendors.
 *
 * @author DeskGraph
 */
class FederationTests extends GatewayTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String ENTITIES = """
			query entities($representations: [_Any!]!, $range: DateRange!) {
			  _entities(representations: $representations) {
			    ... on Desktop { id vendor accountId nativeId usage(range: $range) { total { seconds } } }
			  }
			}""";

	@Test
	void serviceSdlDeclaresDesktopAsAnEntityKeyedById() {
		this.graphQlTester.document("{ _service { sdl } }")
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.satisfies((sdl) -> assertThat(sdl).contains("specs.apollo.dev/federation/v2")
				.containsPattern("type Desktop @key\\(fields ?: ?\"id\"")
				.contains("usageRanking("));
	}

	@Test
	void entitiesResolveDesktopsOfBothVendorsByIdWithBatchedUsage() {
		LocalDate from = today().minusDays(6);
		LocalDate to = today().minusDays(1);
		List<HuaweiDesktop> huawei = estate().desktops().subList(0, 3);
		List<AlibabaDesktop> alibaba = this.alibaba.estate().desktops("cn-shanghai").subList(0, 2);
		List<Map<String, Object>> representations = new java.util.ArrayList<>();
		huawei.forEach((desktop) -> representations
			.add(Map.of("__typename", "Desktop", "id", "huawei:huawei-demo:" + desktop.id())));
		alibaba.forEach((desktop) -> representations
			.add(Map.of("__typename", "Desktop", "id", "alibaba:alibaba-demo:" + desktop.desktopId())));
		List<Map<String, Object>> entities = this.graphQlTester.document(ENTITIES)
			.variable("representations", representations)
			.variable("range", range(from, to))
			.execute()
			.path("_entities")
			.entityList(MAP)
			.hasSize(5)
			.get();
		for (int i = 0; i < 3; i++) {
			assertThat(entities.get(i)).containsEntry("vendor", "HUAWEI").containsEntry("nativeId", huawei.get(i).id());
			assertThat(seconds(entities.get(i))).isEqualTo(estateUsage(huawei.get(i).id(), from, to));
		}
		for (int i = 0; i < 2; i++) {
			Map<String, Object> entity = entities.get(3 + i);
			assertThat(entity).containsEntry("vendor", "ALIBABA").containsEntry("accountId", "alibaba-demo");
			AlibabaDesktop desktop = alibaba.get(i);
			long expected = this.alibaba.estate().desktopUsageSeconds(desktop.desktopId(), from, to);
			if (expected > 0) {
				assertThat(seconds(entity)).isEqualTo(expected);
			}
		}
		// One call per account and window for all the entities, not one per desktop.
		assertThat(upstreamCalls("ListUsedDesktopInfo")).isEqualTo(1);
	}

	@Test
	void unknownAccountFailsOnlyThatEntity() {
		String known = "huawei:huawei-demo:" + estate().desktops().get(0).id();
		this.graphQlTester.document(ENTITIES)
			.variable("representations",
					List.of(Map.of("__typename", "Desktop", "id", known),
							Map.of("__typename", "Desktop", "id", "huawei:elsewhere:abc")))
			.variable("range", range(today().minusDays(2), today().minusDays(1)))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("unknown account 'elsewhere'");
				assertThat(error.getPath()).isEqualTo("_entities[1]");
			}))
			.path("_entities[0].id")
			.entity(String.class)
			.isEqualTo(known)
			.path("_entities[1]")
			.valueIsNull();
	}

	@Test
	void usageOfADesktopTheVendorDoesNotKnowIsNotFound() {
		this.graphQlTester.document(ENTITIES)
			.variable("representations",
					List.of(Map.of("__typename", "Desktop", "id", "huawei:huawei-demo:no-such-desktop"),
							Map.of("__typename", "Desktop", "id",
									"huawei:huawei-demo:" + estate().desktops().get(0).id())))
			.variable("range", range(today().minusDays(2), today().minusDays(1)))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
				assertThat(error.getMessage()).contains("no-such-desktop").contains("huawei-demo");
				assertThat(error.getPath()).isEqualTo("_entities[0].usage");
			}))
			.path("_entities[1].usage.total.seconds")
			.hasValue();
	}

	@Test
	void nestedUsageTotalsOfTwentyFiveDesktopsAcrossVendorsCostOneWindowPerAccount() {
		LocalDate from = today().minusDays(7);
		LocalDate to = today().minusDays(1);
		// Each vendor's own ranking, so that both have desktops among the 25 whatever
		// their usage.
		String desktops = "edges { node { rank desktop { accountId usage(range: $range) { total { seconds } } } } }";
		this.graphQlTester
			.document("query($range: DateRange!) { huawei: usageRanking(range: $range, first: 12, vendors: [HUAWEI]) { "
					+ desktops + " } alibaba: usageRanking(range: $range, first: 13, vendors: [ALIBABA]) { " + desktops
					+ " } }")
			.variable("range", range(from, to))
			.execute()
			.path("huawei.edges[*].node.desktop.usage.total.seconds")
			.entityList(Long.class)
			.hasSize(12)
			.path("alibaba.edges[*].node.desktop.usage.total.seconds")
			.entityList(Long.class)
			.hasSize(13);
		// One window for all twelve Huawei desktops (asking per desktop would take 12
		// calls): the pages of 100 entries (desktop and user) of that one window.
		assertThat(upstreamCalls("ListUsedDesktopInfo")).isBetween(1L, 2L);
		// The ranking and the nested totals ask the same window: one NextToken drain,
		// served from the cache.
		long pagesPerDrain = (alibabaCalls("QueryHistoryUsageDurationRank"));
		assertThat(pagesPerDrain).isBetween(1L, 2L);
	}

	private long alibabaCalls(String operation) {
		Map<String, Object> stats = org.springframework.web.reactive.function.client.WebClient
			.create(this.alibaba.baseUrl())
			.get()
			.uri("/_sim/stats")
			.retrieve()
			.bodyToMono(MAP)
			.block();
		@SuppressWarnings("unchecked")
		Map<String, Number> calls = (Map<String, Number>) stats.get("calls");
		return calls.getOrDefault(operation, 0).longValue();
	}

	@SuppressWarnings("unchecked")
	private static long seconds(Map<String, Object> entity) {
		return ((Number) ((Map<String, Object>) ((Map<String, Object>) entity.get("usage")).get("total"))
			.get("seconds")).longValue();
	}

}
