package io.deskgraph.system.limits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over real HTTP, with the default limits and quotas, that a date range one vendor
 * cannot answer fails only that vendor's accounts in a question to several (Alibaba's
 * ranking reaches 90 days back, Huawei's desktop metrics 180), and is a
 * {@code BAD_REQUEST} when no account asked can answer it.
 *
 * @author DeskGraph
 */
class VendorWindowTests extends DefaultLimitsTestSupport {

	@Test
	void aRangeOnlyHuaweiReachesIsAnsweredByHuaweiWithAlibabaFailedNamingItsLimit() {
		LocalDate from = today().minusDays(120);
		Map<String, Object> response = post(
				"{ usageRanking(range: {from: \"" + from + "\", to: \"" + today().minusDays(2)
						+ "\"}, first: 3) { totalCount edges { node { rank desktop { id } duration { seconds } } } "
						+ "sources { accountId state error { code message retryable } } } }");
		Map<String, Object> ranking = data(response, "usageRanking");
		List<Map<String, Object>> edges = list(ranking, "edges");
		assertThat(edges).hasSize(3)
			.allSatisfy(
					(edge) -> assertThat((String) ((Map<?, ?>) ((Map<?, ?>) edge.get("node")).get("desktop")).get("id"))
						.startsWith("huawei:"));
		List<Map<String, Object>> sources = list(ranking, "sources");
		assertThat(sources).extracting((source) -> source.get("accountId") + ":" + source.get("state"))
			.containsExactly("huawei-demo:OK", "alibaba-demo:FAILED");
		Map<?, ?> alibabaError = (Map<?, ?>) sources.get(1).get("error");
		assertThat(alibabaError.get("code")).isEqualTo("BAD_REQUEST");
		assertThat(alibabaError.get("retryable")).isEqualTo(false);
		assertThat((String) alibabaError.get("message")).contains("covers only the last 90 days")
			.contains(this.alibaba.estate().today().minusDays(90).toString());
		assertThat(errors(response)).singleElement().satisfies((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("accountId", "alibaba-demo")
				.containsEntry("sourceState", "FAILED");
			assertThat((String) error.get("message")).contains("90 days");
		});
		// Nothing was asked of Alibaba.
		assertThat(calls(this.alibaba.baseUrl()).values())
			.allSatisfy((count) -> assertThat(count.longValue()).isZero());
	}

	@Test
	void theSameRangeAskedOfAlibabaAloneIsABadRequest() {
		Map<String, Object> response = post("{ usageRanking(range: {from: \"" + today().minusDays(120) + "\", to: \""
				+ today().minusDays(2) + "\"}, vendors: [ALIBABA], first: 3) { totalCount } }");
		assertBadRequest(response, "range", "covers only the last 90 days");
		assertThat(response.get("data")).isNull();
		assertThat(vendorCalls()).isZero();
	}

	@Test
	void aRangeNoVendorReachesIsABadRequest() {
		Map<String, Object> response = post("{ usageRanking(range: {from: \"" + today().minusDays(200) + "\", to: \""
				+ today().minusDays(2) + "\"}, first: 3) { totalCount } }");
		assertThat(errors(response)).as("%s", response).isNotEmpty().allSatisfy((error) -> {
			assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("argument", "range");
		});
		assertThat(response.get("data")).isNull();
		assertThat(vendorCalls()).isZero();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(Map<String, Object> response, String field) {
		assertThat(response.get("data")).as("%s", response).isNotNull();
		return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

}
