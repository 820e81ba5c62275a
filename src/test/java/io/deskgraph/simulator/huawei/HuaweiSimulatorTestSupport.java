package io.deskgraph.simulator.huawei;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.lang.Nullable;

/**
 * Builds simulators, SDK clients and signed raw requests for the Huawei simulator tests.
 *
 * @author DeskGraph
 */
final class HuaweiSimulatorTestSupport {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HuaweiSimulatorTestSupport() {
	}

	/**
	 * Binds simulator properties the way Spring does, from
	 * {@code deskgraph.simulator.huawei.*} settings, on a random port unless told
	 * otherwise.
	 */
	static HuaweiSimulatorProperties properties(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>();
		all.put("deskgraph.simulator.huawei.port", "0");
		settings.forEach((key, value) -> all.put("deskgraph.simulator.huawei." + key, value));
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("deskgraph.simulator.huawei",
				HuaweiSimulatorProperties.class);
	}

	static HuaweiSimulator start(Map<String, String> settings, Clock clock) {
		HuaweiSimulator simulator = new HuaweiSimulator(properties(settings), clock);
		simulator.start();
		return simulator;
	}

	static WorkspaceClient client(HuaweiSimulator simulator) {
		HuaweiSimulatorProperties properties = simulator.properties();
		return client(simulator, properties.accessKey(), properties.secretKey(), properties.projectId());
	}

	static WorkspaceClient client(HuaweiSimulator simulator, String accessKey, String secretKey, String projectId) {
		return WorkspaceClient.newBuilder()
			.withCredential(new BasicCredentials().withAk(accessKey).withSk(secretKey).withProjectId(projectId))
			.withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10))
			.withEndpoint(simulator.baseUrl())
			.build();
	}

	/**
	 * Sends a request signed by the official SDK signer with the simulator's demo
	 * credentials.
	 */
	static HttpResponse<String> signed(HuaweiSimulator simulator, String method, String path,
			Map<String, List<String>> query, @Nullable String body) {
		HuaweiSimulatorProperties properties = simulator.properties();
		return signed(simulator, method, path, query, body, Map.of(),
				new BasicCredentials().withAk(properties.accessKey())
					.withSk(properties.secretKey())
					.withProjectId(properties.projectId()));
	}

	/**
	 * Sends a request signed by the official SDK signer; extra headers are added before
	 * signing (an {@code X-Sdk-Date} among them fixes the signing time).
	 */
	static HttpResponse<String> signed(HuaweiSimulator simulator, String method, String path,
			Map<String, List<String>> query, @Nullable String body, Map<String, String> extraHeaders,
			BasicCredentials credentials) {
		com.huaweicloud.sdk.core.http.HttpRequest.HttpRequestBuilder builder = com.huaweicloud.sdk.core.http.HttpRequest
			.newBuilder()
			.withEndpoint(simulator.baseUrl())
			.withPath(path)
			.withMethod(HttpMethod.valueOf(method))
			.withContentType("application/json");
		query.forEach(builder::addQueryParam);
		extraHeaders.forEach(builder::addHeader);
		if (credentials.getProjectId() != null) {
			builder.addHeader("X-Project-Id", credentials.getProjectId());
		}
		if (credentials.getSecurityToken() != null) {
			builder.addHeader("X-Security-Token", credentials.getSecurityToken());
		}
		if (body != null) {
			builder.withBodyAsString(body);
		}
		com.huaweicloud.sdk.core.http.HttpRequest sdkRequest = builder.build();
		Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
		if (credentials.getProjectId() != null) {
			headers.put("X-Project-Id", credentials.getProjectId());
		}
		if (credentials.getSecurityToken() != null) {
			headers.put("X-Security-Token", credentials.getSecurityToken());
		}
		headers.putAll(AKSKSigner.getInstance().sign(sdkRequest, credentials));
		headers.remove("Host");
		return send(simulator, method, path, query, body, headers);
	}

	/** Sends a request with the given headers and no signing at all. */
	static HttpResponse<String> send(HuaweiSimulator simulator, String method, String path,
			Map<String, List<String>> query, @Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(simulator.baseUrl() + path + queryString(query)))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String queryString(Map<String, List<String>> query) {
		if (query.isEmpty()) {
			return "";
		}
		return "?" + query.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((value) -> encode(entry.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A clock that follows real time plus an adjustable offset, so requests signed by the
	 * SDK with the real time still pass while tests move time forward.
	 */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration amount) {
			this.offset = this.offset.plus(amount);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
