package io.deskgraph.graphql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.deskgraph.simulator.huawei.HuaweiDesktop;
import io.deskgraph.usage.DesktopType;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code accounts}, {@code desktopStatus} and {@code idleDesktops} over real
 * HTTP against the Huawei simulator.
 *
 * @author DeskGraph
 */
class DesktopQueriesTests extends GatewayTestSupport {

	@Test
	void demoModeListsBothDemoAccounts() {
		this.graphQlTester.documentName("accounts")
			.execute()
			.path("accounts[*].id")
			.entityList(String.class)
			.containsExactly("huawei-demo", "alibaba-demo")
			.path("accounts[1].region")
			.entity(String.class)
			.isEqualTo("cn-shanghai")
			.path("accounts[0].vendor")
			.entity(String.class)
			.isEqualTo("HUAWEI")
			.path("accounts[0].region")
			.entity(String.class)
			.isEqualTo("cn-north-4");
	}

	@Test
	void desktopStatusCountsEveryStateOfTheEstate() {
		List<HuaweiDesktop> desktops = estate().desktops();
		huawei("desktopStatus").execute()
			.path("desktopStatus.total")
			.entity(Integer.class)
			.isEqualTo(desktops.size())
			.path("desktopStatus.run.active")
			.entity(Integer.class)
			.isEqualTo(count(desktops, HuaweiDesktop.RunState.ACTIVE))
			.path("desktopStatus.run.stopped")
			.entity(Integer.class)
			.isEqualTo(count(desktops, HuaweiDesktop.RunState.STOPPED))
			.path("desktopStatus.attach.attached")
			.entity(Integer.class)
			.isEqualTo((int) desktops.stream()
				.filter((desktop) -> desktop.attachState() == HuaweiDesktop.AttachState.ATTACHED)
				.count())
			.path("desktopStatus.login.inUse")
			.entity(Integer.class)
			.isEqualTo((int) desktops.stream()
				.filter((desktop) -> desktop.loginState() == HuaweiDesktop.LoginState.IN_USE)
				.count())
			.path("desktopStatus.pools[*].poolId")
			.entityList(String.class)
			.satisfies((ids) -> assertThat(ids)
				.containsExactlyInAnyOrderElementsOf(estate().pools().stream().map((pool) -> pool.id()).toList()))
			.path("desktopStatus.byAccount[0].total")
			.entity(Integer.class)
			.isEqualTo(desktops.size())
			.path("desktopStatus.sources[0].state")
			.entity(String.class)
			.isEqualTo("OK");
		// The counts, and the pools, which Huawei answers only when asked for pooled
		// desktops.
		assertThat(upstreamCalls("ListDesktopsStatistics")).isEqualTo(2);
	}

	@Test
	void desktopStatusFiltersByDesktopType() {
		long pooled = estate().desktops()
			.stream()
			.filter((desktop) -> desktop.type() == HuaweiDesktop.DesktopType.POOLED)
			.count();
		huawei("desktopStatus").variable("desktopTypes", List.of("POOLED"))
			.execute()
			.path("desktopStatus.total")
			.entity(Integer.class)
			.isEqualTo((int) pooled);
	}

	@Test
	void idleDesktopsPagedThroughCursorsAreExactlyTheUnusedOnes() {
		Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant since = until.minus(14, ChronoUnit.DAYS);
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		Integer total = null;
		while (hasNext) {
			var response = huawei("idleDesktops").variable("since", since.toString())
				.variable("until", until.toString())
				.variable("first", 9)
				.variable("after", after)
				.execute();
			List<Map<String, Object>> edges = response.path("idleDesktops.edges")
				.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get();
			for (Map<String, Object> edge : edges) {
				@SuppressWarnings("unchecked")
				Map<String, Object> desktop = (Map<String, Object>) ((Map<String, Object>) edge.get("node"))
					.get("desktop");
				seen.add((String) desktop.get("nativeId"));
				assertThat(desktop.get("name")).isNotNull();
			}
			PageInfoView pageInfo = response.path("idleDesktops.pageInfo").entity(PageInfoView.class).get();
			total = response.path("idleDesktops.totalCount").entity(Integer.class).get();
			hasNext = pageInfo.hasNextPage();
			after = pageInfo.endCursor();
		}
		Set<String> expected = estate().desktops()
			.stream()
			.filter((desktop) -> desktop.createTime().isBefore(until))
			.filter((desktop) -> !estate().usedBetween(desktop.id(), since, until))
			.map(HuaweiDesktop::id)
			.collect(Collectors.toSet());
		assertThat(expected).isNotEmpty();
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(new HashSet<>(seen)).isEqualTo(expected);
		assertThat(total).isEqualTo(expected.size());
	}

	private static int count(List<HuaweiDesktop> desktops, HuaweiDesktop.RunState state) {
		return (int) desktops.stream().filter((desktop) -> desktop.runState() == state).count();
	}

}
