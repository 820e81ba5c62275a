package io.deskgraph.simulator.huawei;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deskgraph.simulator.QuotaLimiter;
import io.deskgraph.simulator.SimulatorApi;
import io.deskgraph.simulator.SimulatorRequest;
import io.deskgraph.simulator.SimulatorResponse;
import io.deskgraph.simulator.SimulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;

/**
 * The Huawei Workspace API as the simulator serves it: gateway behaviour (routing,
 * authentication, project check, per-minute quotas, error bodies, request ids) in front
 * of the statistics operations.
 *
 * @author DeskGraph
 */
final class HuaweiWorkspaceApi implements SimulatorApi {

	private static final Logger logger = LoggerFactory.getLogger(HuaweiWorkspaceApi.class);

	private static final String REQUEST_ID = "X-Request-Id";

	private static final int MAX_BODY_BYTES = 12 * 1024 * 1024;

	private final HuaweiSimulatorProperties properties;

	private final HuaweiAuthenticator authenticator;

	private final QuotaLimiter quotas;

	private final SimulatorStats stats;

	private final HuaweiDesktopStatistics statistics;

	private final HuaweiUsageReports reports;

	private final HuaweiUsageMetrics metrics;

	private final HuaweiExportTasks exports;

	private final HuaweiDesktopDetails details;

	private final ObjectMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.serializationInclusion(JsonInclude.Include.NON_NULL)
		.build();

	HuaweiWorkspaceApi(HuaweiSimulatorProperties properties, HuaweiEstate estate, QuotaLimiter quotas,
			SimulatorStats stats) {
		this.properties = properties;
		this.authenticator = new HuaweiAuthenticator(properties, estate.clock());
		this.quotas = quotas;
		this.stats = stats;
		this.statistics = new HuaweiDesktopStatistics(estate);
		this.reports = new HuaweiUsageReports(estate);
		this.metrics = new HuaweiUsageMetrics(estate);
		this.exports = new HuaweiExportTasks(this.metrics, properties, estate.clock());
		this.details = new HuaweiDesktopDetails(estate);
	}

	@Override
	@Nullable
	public String operation(SimulatorRequest request) {
		HuaweiOperation.Match match = HuaweiOperation.match(request.method(), request.rawPath());
		return (match != null) ? match.operation().operationName() : null;
	}

	@Override
	public SimulatorResponse handle(SimulatorRequest request, @Nullable String operation) {
		String requestId = newRequestId();
		try {
			HuaweiOperation.Match match = HuaweiOperation.match(request.method(), request.rawPath());
			if (match == null) {
				throw HuaweiApiException.apiNotFound();
			}
			if (request.body().length > MAX_BODY_BYTES) {
				throw HuaweiApiException.bodyTooLarge();
			}
			String caller = this.authenticator.authenticate(request);
			checkProject(request, decode(match.pathVariables().get(0)));
			HuaweiOperation huaweiOperation = match.operation();
			int limit = huaweiOperation.quota(this.properties.quotas());
			if (!this.quotas.tryAcquire(caller + "|" + huaweiOperation.operationName(), limit)) {
				this.stats.recordQuotaExceeded();
				throw HuaweiApiException.throttled(limit);
			}
			Object answer = dispatch(huaweiOperation, match, request);
			if (answer instanceof SimulatorResponse response) {
				return response.withHeader(REQUEST_ID, requestId);
			}
			return SimulatorResponse.json(200, answer, this.json).withHeader(REQUEST_ID, requestId);
		}
		catch (HuaweiApiException ex) {
			logger.debug("Huawei simulator answers {} {} with {} {}", request.method(), request.rawPath(), ex.status(),
					ex.errorCode());
			return error(ex, requestId);
		}
		catch (RuntimeException ex) {
			logger.error("Huawei simulator failed to answer {} {}", request.method(), request.rawPath(), ex);
			return error(HuaweiApiException.internalError(), requestId);
		}
	}

	@Override
	public SimulatorResponse serverError(SimulatorRequest request, String operation) {
		return error(HuaweiApiException.internalError(), newRequestId());
	}

	@Override
	public SimulatorResponse throttled(SimulatorRequest request, String operation) {
		return error(HuaweiApiException.throttled(HuaweiOperation.named(operation).quota(this.properties.quotas())),
				newRequestId());
	}

	@Override
	public SimulatorResponse withRequestId(SimulatorResponse response) {
		return response.withHeader(REQUEST_ID, newRequestId());
	}

	@Override
	public void reset() {
		this.exports.reset();
	}

	private Object dispatch(HuaweiOperation operation, HuaweiOperation.Match match, SimulatorRequest request) {
		return switch (operation) {
			case LIST_DESKTOPS_STATISTICS -> this.statistics.list(query(request));
			case LIST_UNUSED_DESKTOPS -> this.reports.unused(query(request));
			case LIST_USED_DESKTOP_INFO -> this.reports.used(request.body(), this::readObject);
			case LIST_DESKTOP_USAGE_METRIC -> this.metrics.desktops(query(request));
			case LIST_USER_USAGE_METRIC -> this.metrics.users(query(request));
			case EXPORT_DESKTOP_USAGE_METRIC -> this.exports.export(query(request));
			case LIST_EXPORT_TASKS -> this.exports.list(query(request));
			case DOWNLOAD_EXPORT_FILE -> this.exports.download(decode(match.pathVariables().get(1)));
			case LIST_DESKTOPS_DETAIL -> this.details.list(query(request));
		};
	}

	private void checkProject(SimulatorRequest request, String projectId) {
		if (!projectId.equals(this.properties.projectId())) {
			throw HuaweiApiException.projectUnavailable("project " + projectId + " does not exist or is not available");
		}
		String headerProject = request.headers().getFirst("X-Project-Id");
		if (headerProject != null && !headerProject.equals(projectId)) {
			throw HuaweiApiException
				.projectUnavailable("X-Project-Id " + headerProject + " does not match the project in the path");
		}
	}

	private JsonNode readObject(byte[] body) {
		if (new String(body, StandardCharsets.UTF_8).isBlank()) {
			throw HuaweiApiException.emptyBody();
		}
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw HuaweiApiException.invalidParameter("body", "must be a JSON object");
			}
			return node;
		}
		catch (IOException ex) {
			throw HuaweiApiException.invalidParameter("body", "is not valid JSON");
		}
	}

	private SimulatorResponse error(HuaweiApiException ex, String requestId) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error_code", ex.errorCode());
		body.put("error_msg", ex.getMessage());
		if (ex.gateway()) {
			body.put("request_id", requestId);
		}
		return SimulatorResponse.json(ex.status(), body, this.json).withHeader(REQUEST_ID, requestId);
	}

	private static HuaweiQuery query(SimulatorRequest request) {
		return HuaweiQuery.parse(request.rawQuery());
	}

	private static String decode(String pathVariable) {
		try {
			return URLDecoder.decode(pathVariable.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return pathVariable;
		}
	}

	private static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "%016x%016x".formatted(random.nextLong(), random.nextLong());
	}

}
