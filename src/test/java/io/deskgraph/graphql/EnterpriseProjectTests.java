package io.deskgraph.graphql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import io.deskgraph.simulator.huawei.HuaweiSimulatorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the enterprise project filter of desktopMetrics, userMetrics and
 * startDesktopUsageExport in demo mode, whose answers are checked against the Huawei
 * simulator's own filtered answers to calls signed by hand with the SDK's
 * {@code AKSKSigner} (SDK 3.1.143 cannot send {@code enterprise_project_id}), and for the
 * day zones the demo accounts show.
 *
 * @author DeskGraph
 */
class EnterpriseProjectTests extends GatewayTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void desktopMetricsOfAProjectAreTheVendorsFilteredAnswerAndAlibabaIsUnsupported() {
		String project = estate().enterpriseProjects().get(1);
		LocalDate from = today().minusDays(8);
		LocalDate to = today().minusDays(2);
		GraphQlTester.Response response = this.graphQlTester.documentName("projectDesktopMetrics")
			.variable("range", range(from, to))
			.variable("filter", Map.of("enterpriseProjectId", project))
			.variable("accountIds", List.of("huawei-demo", "alibaba-demo"))
			.variable("first", 500)
			.execute();
		List<Map<String, Object>> nodes = response.path("desktopMetrics.edges[*].node").entityList(MAP).get();
		Map<String, Long> expected = vendorAnswer("/v2/%s/statistics/metrics/desktops", from, to, project,
				"resource_id", "desktop_usage");
		assertThat(expected).isNotEmpty().hasSizeLessThan(estate().desktops().size());
		assertThat(nodes.stream()
			.collect(Collectors.toMap((node) -> (String) nested(node, "desktop").get("nativeId"),
					(node) -> seconds(node, "usage"))))
			.isEqualTo(expected);
		assertThat(nodes).allSatisfy((node) -> assertThat(node.get("enterpriseProjectId")).isEqualTo(project));
		assertThat(response.path("desktopMetrics.sources").entityList(MAP).get()).containsExactlyInAnyOrder(
				Map.of("accountId", "huawei-demo", "state", "OK"),
				Map.of("accountId", "alibaba-demo", "state", "UNSUPPORTED"));
	}

	@Test
	void projectsNeverShareCachedAnswers() {
		Map<String, Object> range = range(today().minusDays(8), today().minusDays(2));
		Map<String, Set<String>> desktopsByProject = new LinkedHashMap<>();
		for (String project : List.of(estate().enterpriseProjects().get(1), estate().enterpriseProjects().get(2),
				estate().enterpriseProjects().get(1))) {
			long before = upstreamCalls("ListDesktopUsageMetric");
			List<String> ids = huawei("projectDesktopMetrics").variable("range", range)
				.variable("filter", Map.of("enterpriseProjectId", project))
				.variable("first", 500)
				.execute()
				.path("desktopMetrics.edges[*].node.desktop.nativeId")
				.entityList(String.class)
				.get();
			long calls = upstreamCalls("ListDesktopUsageMetric") - before;
			if (desktopsByProject.containsKey(project)) {
				// Asked again: the same answer, from the cache.
				assertThat(Set.copyOf(ids)).isEqualTo(desktopsByProject.get(project));
				assertThat(calls).isZero();
			}
			else {
				assertThat(calls).isPositive();
				desktopsByProject.put(project, Set.copyOf(ids));
			}
		}
		assertThat(desktopsByProject.values()).allSatisfy((ids) -> assertThat(ids).isNotEmpty());
		List<Set<String>> answers = List.copyOf(desktopsByProject.values());
		assertThat(answers.get(0)).doesNotContainAnyElementsOf(answers.get(1));
	}

	@Test
	void userMetricsOfAProjectAreTheVendorsFilteredAnswer() {
		String project = "0";
		LocalDate from = today().minusDays(15);
		LocalDate to = today().minusDays(2);
		List<Map<String, Object>> nodes = huawei("projectUserMetrics").variable("range", range(from, to))
			.variable("filter", Map.of("enterpriseProjectId", project))
			.variable("first", 500)
			.execute()
			.path("userMetrics.edges[*].node")
			.entityList(MAP)
			.get();
		Map<String, Long> expected = vendorAnswer("/v2/%s/statistics/metrics/users", from, to, project, "username",
				"user_usage");
		assertThat(expected).isNotEmpty().hasSizeLessThan(estate().users().size());
		assertThat(nodes.stream()
			.collect(Collectors.toMap((node) -> (String) node.get("userName"), (node) -> seconds(node, "usage"))))
			.isEqualTo(expected);
		assertThat(nodes).allSatisfy((node) -> assertThat(node.get("enterpriseProjectId")).isEqualTo(project));
	}

	@Test
	void malformedProjectIdIsABadRequestNamingTheArgumentAndCallsNoVendor() {
		Map<String, Object> range = range(today().minusDays(5), today().minusDays(1));
		badRequest(huawei("projectDesktopMetrics").variable("range", range)
			.variable("filter", Map.of("enterpriseProjectId", "marketing")), "filter.enterpriseProjectId");
		badRequest(
				huawei("projectUserMetrics").variable("range", range)
					.variable("filter", Map.of("enterpriseProjectId", "6f1c2e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6-extra")),
				"filter.enterpriseProjectId");
		badRequest(this.graphQlTester.documentName("startExport")
			.variable("input",
					Map.of("accountId", "huawei-demo", "range", range, "filter", Map.of("enterpriseProjectId", "0 "))),
				"input.filter.enterpriseProjectId");
		assertThat(upstreamCalls("ListDesktopUsageMetric") + upstreamCalls("ListUserUsageMetric")
				+ upstreamCalls("ExportDesktopUsageMetric"))
			.isZero();
	}

	@Test
	void exportOfAProjectStartsOnHuaweiAndSaysWhyNotOnAlibaba() {
		Map<String, Object> range = range(today().minusDays(5), today().minusDays(1));
		Map<String, Object> filter = Map.of("enterpriseProjectId", estate().enterpriseProjects().get(2));
		this.graphQlTester.documentName("startExport")
			.variable("input", Map.of("accountId", "huawei-demo", "range", range, "filter", filter))
			.execute()
			.path("startDesktopUsageExport.accountId")
			.entity(String.class)
			.isEqualTo("huawei-demo");
		assertThat(upstreamCalls("ExportDesktopUsageMetric")).isEqualTo(1);
		this.graphQlTester.documentName("startExport")
			.variable("input", Map.of("accountId", "alibaba-demo", "range", range, "filter", filter))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("ALIBABA has no API for usage export of an enterprise project")
					.contains("enterprise projects are a Huawei feature");
			}));
	}

	@Test
	void demoAccountsShowTheirDayZonesAndAggregationHours() {
		List<Map<String, Object>> accounts = this.graphQlTester.documentName("accountDays")
			.execute()
			.path("accounts")
			.entityList(MAP)
			.get();
		Map<String, Object> huawei = new HashMap<>();
		huawei.put("id", "huawei-demo");
		huawei.put("vendor", "HUAWEI");
		huawei.put("dayZone", "UTC");
		huawei.put("aggregationHour", 2);
		huawei.put("enterpriseProjectId", null);
		Map<String, Object> alibaba = new HashMap<>(huawei);
		alibaba.put("id", "alibaba-demo");
		alibaba.put("vendor", "ALIBABA");
		alibaba.put("dayZone", "Asia/Shanghai");
		assertThat(accounts).containsExactly(huawei, alibaba);
		assertThat(this.alibaba.estate().dayZone().getId()).isEqualTo("Asia/Shanghai");
	}

	private static void badRequest(GraphQlTester.Request<?> request, String argument) {
		request.execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((ResponseError error) -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).startsWith(argument + ":")
					.contains("\"0\" for the default project or a UUID")
					.contains("at most 36 characters");
				assertThat(error.getExtensions()).containsEntry("argument", argument);
			});
		});
	}

	/**
	 * What the simulator answers a hand-signed metrics call filtered by an enterprise
	 * project over the demo account's (UTC) days, every page: a value per name.
	 */
	private Map<String, Long> vendorAnswer(String pathTemplate, LocalDate from, LocalDate to, String project,
			String nameField, String metric) {
		Map<String, Long> answer = new LinkedHashMap<>();
		int total = -1;
		for (int offset = 0; total < 0 || offset < total; offset += 100) {
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("start_time", List.of(METRIC_TIME.format(from.atStartOfDay(ZoneOffset.UTC))));
			query.put("end_time", List.of(METRIC_TIME.format(to.atTime(23, 59, 59).atZone(ZoneOffset.UTC))));
			query.put("enterprise_project_id", List.of(project));
			query.put("offset", List.of(String.valueOf(offset)));
			query.put("limit", List.of("100"));
			JsonNode page = signedGet(pathTemplate, query);
			total = page.get("count").asInt();
			for (JsonNode item : page.get("items")) {
				assertThat(item.get("enterprise_project_id").asText()).isEqualTo(project);
				long value = 0;
				for (JsonNode entry : item.get("metric")) {
					if (entry.get("metric_name").asText().equals(metric)) {
						value = entry.get("metric_value").asLong();
					}
				}
				answer.put(item.get(nameField).asText(), value);
			}
		}
		return answer;
	}

	private JsonNode signedGet(String pathTemplate, Map<String, List<String>> query) {
		HuaweiSimulatorProperties properties = this.simulator.properties();
		String path = pathTemplate.formatted(properties.projectId());
		BasicCredentials credentials = new BasicCredentials().withAk(properties.accessKey())
			.withSk(properties.secretKey())
			.withProjectId(properties.projectId());
		com.huaweicloud.sdk.core.http.HttpRequest.HttpRequestBuilder builder = com.huaweicloud.sdk.core.http.HttpRequest
			.newBuilder()
			.withEndpoint(this.simulator.baseUrl())
			.withPath(path)
			.withMethod(HttpMethod.GET)
			.withContentType("application/json")
			.addHeader("X-Project-Id", properties.projectId());
		query.forEach(builder::addQueryParam);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Project-Id", properties.projectId());
		headers.putAll(AKSKSigner.getInstance().sign(builder.build(), credentials));
		headers.remove("Host");
		String queryString = query.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((value) -> encode(entry.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.simulator.baseUrl() + path + "?" + queryString))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.GET();
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> node, String field) {
		return (Map<String, Object>) node.get(field);
	}

	private static long seconds(Map<String, Object> node, String field) {
		return ((Number) nested(node, field).get("seconds")).longValue();
	}

}
