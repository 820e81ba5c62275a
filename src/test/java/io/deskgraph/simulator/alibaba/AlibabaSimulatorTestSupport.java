package io.deskgraph.simulator.alibaba;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.aliyun.ecd20200930.models.DescribeDesktopsRequest;
import com.aliyun.ecd20200930.models.DescribeDesktopsResponseBody;
import com.aliyun.ecd20200930.models.DescribeDesktopsResponseBody.DescribeDesktopsResponseBodyDesktops;
import com.aliyun.tea.TeaRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.deskgraph.connector.alibaba.AlibabaSigner;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.lang.Nullable;

/**
 * Builds simulators, official Alibaba clients and signed raw requests for the Alibaba
 * simulator tests.
 *
 * @author DeskGraph
 */
public final class AlibabaSimulatorTestSupport {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String RANK = "QueryHistoryUsageDurationRank";

	static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private AlibabaSimulatorTestSupport() {
	}

	/**
	 * Binds simulator properties the way Spring does, from
	 * {@code deskgraph.simulator.alibaba.*} settings, on a random port unless told
	 * otherwise.
	 */
	static AlibabaSimulatorProperties properties(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		all.put("deskgraph.simulator.alibaba.port", "0");
		settings.forEach((key, value) -> all.put("deskgraph.simulator.alibaba." + key, value));
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("deskgraph.simulator.alibaba",
				AlibabaSimulatorProperties.class);
	}

	static AlibabaSimulator start(Map<String, String> settings) {
		AlibabaSimulator simulator = new AlibabaSimulator(properties(settings), Clock.systemUTC());
		simulator.start();
		return simulator;
	}

	static Config config(AlibabaSimulator simulator, String accessKeyId, String secret,
			@Nullable String securityToken) {
		Config config = new Config().setAccessKeyId(accessKeyId)
			.setAccessKeySecret(secret)
			.setEndpoint("127.0.0.1:" + simulator.port())
			.setProtocol("http")
			.setRegionId("cn-shanghai")
			.setReadTimeout(10_000)
			.setConnectTimeout(5_000);
		if (securityToken != null) {
			config.setSecurityToken(securityToken);
		}
		return config;
	}

	/** The generic client, which signs with ACS3-HMAC-SHA256 (V3). */
	public static com.aliyun.teaopenapi.Client genericClient(AlibabaSimulator simulator) {
		AlibabaSimulatorProperties properties = simulator.properties();
		return genericClient(simulator, properties.accessKeyId(), properties.accessKeySecret(), null);
	}

	static com.aliyun.teaopenapi.Client genericClient(AlibabaSimulator simulator, String accessKeyId, String secret,
			@Nullable String securityToken) {
		try {
			return new com.aliyun.teaopenapi.Client(config(simulator, accessKeyId, secret, securityToken));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The ECD product client 4.2.8, which signs with HMAC-SHA1 (V2). */
	public static com.aliyun.ecd20200930.Client ecdClient(AlibabaSimulator simulator) {
		AlibabaSimulatorProperties properties = simulator.properties();
		return ecdClient(simulator, properties.accessKeyId(), properties.accessKeySecret());
	}

	static com.aliyun.ecd20200930.Client ecdClient(AlibabaSimulator simulator, String accessKeyId, String secret) {
		try {
			return new com.aliyun.ecd20200930.Client(config(simulator, accessKeyId, secret, null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Calls an action through {@code callApi} as B13.1 of the vendor notes describes,
	 * parameters in the query string.
	 * @return the body of the answer
	 */
	static Map<String, Object> call(com.aliyun.teaopenapi.Client client, String action, Map<String, ?> query)
			throws Exception {
		return callApi(client, action, new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query)));
	}

	/**
	 * Calls an action through {@code callApi} with its parameters form-encoded in the
	 * body.
	 * @return the body of the answer
	 */
	static Map<String, Object> callWithFormBody(com.aliyun.teaopenapi.Client client, String action, Map<String, ?> form)
			throws Exception {
		return callApi(client, action, new OpenApiRequest().setBody(com.aliyun.openapiutil.Client.query(form)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> callApi(com.aliyun.teaopenapi.Client client, String action,
			OpenApiRequest request) throws Exception {
		Params params = new Params().setAction(action)
			.setVersion("2020-09-30")
			.setProtocol("HTTP")
			.setPathname("/")
			.setMethod("POST")
			.setAuthType("AK")
			.setStyle("RPC")
			.setReqBodyType("formData")
			.setBodyType("json");
		Map<String, ?> answer = client.callApi(params, request, new RuntimeOptions());
		return (Map<String, Object>) answer.get("body");
	}

	/** Calls {@code QueryHistoryUsageDurationRank} through the generic client. */
	public static Map<String, Object> rank(com.aliyun.teaopenapi.Client client, Map<String, ?> query) throws Exception {
		return call(client, RANK, query);
	}

	/**
	 * Every desktop of a region, drained with the official product client's
	 * DescribeDesktops, pages of 100.
	 * @param simulator the simulator asked
	 * @param region the region
	 * @return the desktops in the simulator's order
	 */
	public static List<DescribeDesktopsResponseBodyDesktops> inventory(AlibabaSimulator simulator, String region)
			throws Exception {
		com.aliyun.ecd20200930.Client client = ecdClient(simulator);
		List<DescribeDesktopsResponseBodyDesktops> desktops = new ArrayList<>();
		String token = null;
		do {
			DescribeDesktopsResponseBody page = client
				.describeDesktops(
						new DescribeDesktopsRequest().setRegionId(region).setMaxResults(100).setNextToken(token))
				.getBody();
			desktops.addAll(page.getDesktops());
			token = page.getNextToken();
		}
		while (token != null && !token.isEmpty());
		return desktops;
	}

	/**
	 * Every usage row of a window, drained with the official generic client's
	 * QueryHistoryUsageDurationRank, pages of 200.
	 * @param simulator the simulator asked
	 * @param from the first day
	 * @param to the last day
	 * @return the rows in the simulator's order
	 */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> rankingRows(AlibabaSimulator simulator, LocalDate from, LocalDate to)
			throws Exception {
		com.aliyun.teaopenapi.Client client = genericClient(simulator);
		List<Map<String, Object>> rows = new ArrayList<>();
		String token = null;
		do {
			Map<String, Object> query = new HashMap<>(
					Map.of("StartDate", from.toString(), "EndDate", to.toString(), "Limit", "200"));
			if (token != null) {
				query.put("NextToken", token);
			}
			Map<String, Object> page = rank(client, query);
			rows.addAll((List<Map<String, Object>>) page.get("UsageDurationList"));
			token = (String) page.get("NextToken");
		}
		while (token != null && !token.isEmpty());
		return rows;
	}

	/**
	 * A raw request signed with ACS3-HMAC-SHA256 by the official signer
	 * ({@code openapiutil getAuthorization}), ready to be sent any number of times.
	 */
	static HttpRequest v3Request(AlibabaSimulator simulator, String action, Map<String, String> query,
			Map<String, String> extraHeaders, Instant signedAt, String nonce, String secret) throws Exception {
		return v3Request(simulator, action, query, extraHeaders, signedAt, nonce, secret, "",
				HttpRequest.BodyPublishers.noBody());
	}

	/**
	 * A raw request signed with ACS3-HMAC-SHA256 by the official signer, carrying a body
	 * (its content type, if any, given among the extra headers and signed).
	 */
	static HttpRequest v3Request(AlibabaSimulator simulator, String action, Map<String, String> query,
			Map<String, String> extraHeaders, Instant signedAt, String nonce, String secret, String body,
			HttpRequest.BodyPublisher publisher) throws Exception {
		String host = "127.0.0.1:" + simulator.port();
		String payloadHash = AlibabaSigner.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
		Map<String, String> headers = new TreeMap<>();
		headers.put("host", host);
		headers.put("x-acs-action", action);
		headers.put("x-acs-version", "2020-09-30");
		headers.put("x-acs-date", ACS_DATE.format(signedAt));
		headers.put("x-acs-signature-nonce", nonce);
		headers.put("x-acs-content-sha256", payloadHash);
		headers.putAll(extraHeaders);
		TeaRequest tea = new TeaRequest();
		tea.method = "POST";
		tea.pathname = "/";
		tea.headers = new HashMap<>(headers);
		tea.query = new HashMap<>(query);
		String authorization = com.aliyun.openapiutil.Client.getAuthorization(tea, AlibabaSigner.ACS3, payloadHash,
				simulator.properties().accessKeyId(), secret);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/" + queryString(query)))
			.timeout(Duration.ofSeconds(10))
			.POST(publisher)
			.header("Authorization", authorization);
		headers.forEach((name, value) -> {
			if (!name.equals("host")) {
				request.header(name, value);
			}
		});
		return request.build();
	}

	static HttpRequest v3Request(AlibabaSimulator simulator, Map<String, String> query, Instant signedAt)
			throws Exception {
		return v3Request(simulator, RANK, query, Map.of(), signedAt, nonce(), simulator.properties().accessKeySecret());
	}

	/**
	 * A raw request signed with the HMAC-SHA1 query signature by the official signer
	 * ({@code openapiutil getRPCSignature}).
	 */
	static HttpRequest v2Request(AlibabaSimulator simulator, String method, String action,
			Map<String, String> parameters, Instant signedAt, String nonce) throws Exception {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("Action", action);
		query.put("Format", "json");
		query.put("Version", "2020-09-30");
		query.put("Timestamp", ACS_DATE.format(signedAt));
		query.put("SignatureNonce", nonce);
		query.put("SignatureMethod", "HMAC-SHA1");
		query.put("SignatureVersion", "1.0");
		query.put("AccessKeyId", simulator.properties().accessKeyId());
		query.putAll(parameters);
		query.put("Signature",
				com.aliyun.openapiutil.Client.getRPCSignature(query, method, simulator.properties().accessKeySecret()));
		return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/" + queryString(query)))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends an unsigned request, e.g. to a control endpoint. */
	static HttpResponse<String> send(AlibabaSimulator simulator, String method, String pathAndQuery,
			@Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request.build());
	}

	static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	static String queryString(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		return "?" + query.entrySet()
			.stream()
			.map((entry) -> AlibabaSigner.percentEncode(entry.getKey()) + "="
					+ AlibabaSigner.percentEncode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** Reads the rows of a ranking answer as estate rows. */
	@SuppressWarnings("unchecked")
	static List<AlibabaUsageRow> rows(Map<String, Object> body) {
		List<Map<String, Object>> list = (List<Map<String, Object>>) body.get("UsageDurationList");
		return list.stream()
			.map((row) -> new AlibabaUsageRow((String) row.get("EndUserId"), (String) row.get("DesktopId"),
					(String) row.get("DesktopName"), (String) row.get("ChargeType"),
					((Number) row.get("UsageDuration")).longValue(), (String) row.get("RegionId")))
			.toList();
	}

}
