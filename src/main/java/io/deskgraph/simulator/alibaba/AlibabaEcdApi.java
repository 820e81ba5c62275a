package io.deskgraph.simulator.alibaba;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.simulator.QuotaLimiter;
import io.deskgraph.simulator.SimulatorApi;
import io.deskgraph.simulator.SimulatorRequest;
import io.deskgraph.simulator.SimulatorResponse;
import io.deskgraph.simulator.SimulatorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The ECD RPC API as the simulator serves it: POP gateway behaviour (action and version
 * routing, signature checks, per-minute quotas, error bodies, request ids) in front of
 * the two actions.
 * <p>
 * The action comes from the {@code x-acs-action} header or else the {@code Action}
 * parameter, the version likewise from {@code x-acs-version} or {@code Version}. Injected
 * server errors alternate between 500 {@code InternalError} and 503
 * {@code ServiceUnavailable}.
 *
 * @author DeskGraph
 */
final class AlibabaEcdApi implements SimulatorApi {

	/** The response header carrying the request id. */
	static final String REQUEST_ID = "x-acs-request-id";

	private static final Logger logger = LoggerFactory.getLogger(AlibabaEcdApi.class);

	private static final String ACTION_HEADER = "x-acs-action";

	private static final String VERSION_HEADER = "x-acs-version";

	private static final String DEFAULT_HOST = "ecd.aliyuncs.com";

	private final AlibabaSimulatorProperties properties;

	private final AlibabaAuthenticator authenticator;

	private final QuotaLimiter quotas;

	private final SimulatorStats stats;

	private final AlibabaUsageRanking ranking;

	private final AlibabaDesktopInventory inventory;

	private final AtomicLong serverErrors = new AtomicLong();

	private final ObjectMapper json = new ObjectMapper();

	AlibabaEcdApi(AlibabaSimulatorProperties properties, AlibabaEstate estate, QuotaLimiter quotas,
			SimulatorStats stats) {
		this.properties = properties;
		this.authenticator = new AlibabaAuthenticator(properties, estate.clock());
		this.quotas = quotas;
		this.stats = stats;
		AlibabaNextTokens tokens = new AlibabaNextTokens(properties.seed());
		this.ranking = new AlibabaUsageRanking(estate, tokens);
		this.inventory = new AlibabaDesktopInventory(estate, tokens);
	}

	@Override
	@Nullable
	public String operation(SimulatorRequest request) {
		if (!isRpc(request)) {
			return null;
		}
		try {
			AlibabaOperation operation = AlibabaOperation.find(action(request, AlibabaParameters.of(request)));
			return (operation != null) ? operation.action() : null;
		}
		catch (AlibabaApiException ex) {
			return null;
		}
	}

	@Override
	public SimulatorResponse handle(SimulatorRequest request, @Nullable String operation) {
		String requestId = newRequestId();
		try {
			if (!isRpc(request)) {
				throw AlibabaApiException.actionNotFound();
			}
			AlibabaParameters parameters = AlibabaParameters.of(request);
			String action = action(request, parameters);
			if (action == null) {
				throw AlibabaApiException.missingParameter("Action");
			}
			AlibabaOperation ecdOperation = AlibabaOperation.find(action);
			if (ecdOperation == null) {
				throw AlibabaApiException.actionNotFound();
			}
			String version = header(request, VERSION_HEADER, parameters.get("Version"));
			if (version == null) {
				throw AlibabaApiException.missingParameter("Version");
			}
			if (!version.equals(AlibabaOperation.VERSION)) {
				throw AlibabaApiException.invalidVersion();
			}
			String caller = this.authenticator.authenticate(request, parameters);
			if (!this.quotas.tryAcquire(caller + "|" + ecdOperation.action(),
					ecdOperation.quota(this.properties.quotas()))) {
				this.stats.recordQuotaExceeded();
				throw AlibabaApiException.throttled();
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("RequestId", requestId);
			body.putAll(switch (ecdOperation) {
				case QUERY_HISTORY_USAGE_DURATION_RANK -> this.ranking.query(parameters);
				case DESCRIBE_DESKTOPS -> this.inventory.describe(parameters);
			});
			return SimulatorResponse.json(200, body, this.json).withHeader(REQUEST_ID, requestId);
		}
		catch (AlibabaApiException ex) {
			logger.debug("Alibaba simulator answers {} {} with {} {}", request.method(), request.rawPath(), ex.status(),
					ex.code());
			return error(ex, request, requestId);
		}
		catch (RuntimeException ex) {
			logger.error("Alibaba simulator failed to answer {} {}", request.method(), request.rawPath(), ex);
			return error(AlibabaApiException.internalError(), request, requestId);
		}
	}

	@Override
	public SimulatorResponse serverError(SimulatorRequest request, String operation) {
		AlibabaApiException error = (this.serverErrors.getAndIncrement() % 2 == 0) ? AlibabaApiException.internalError()
				: AlibabaApiException.serviceUnavailable();
		return error(error, request, newRequestId());
	}

	@Override
	public SimulatorResponse throttled(SimulatorRequest request, String operation) {
		return error(AlibabaApiException.throttled(), request, newRequestId());
	}

	@Override
	public SimulatorResponse withRequestId(SimulatorResponse response) {
		return response.withHeader(REQUEST_ID, newRequestId());
	}

	@Override
	public void reset() {
		this.authenticator.reset();
		this.serverErrors.set(0);
	}

	private SimulatorResponse error(AlibabaApiException ex, SimulatorRequest request, String requestId) {
		String host = request.headers().getFirst(HttpHeaders.HOST);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("RequestId", requestId);
		body.put("HostId", (host != null) ? host : DEFAULT_HOST);
		body.put("Code", ex.code());
		body.put("Message", ex.getMessage());
		body.put("Recommend",
				"https://api.aliyun.com/troubleshoot?q=" + ex.code() + "&product=ecd&requestId=" + requestId);
		return SimulatorResponse.json(ex.status(), body, this.json).withHeader(REQUEST_ID, requestId);
	}

	private static boolean isRpc(SimulatorRequest request) {
		return request.rawPath().equals("/") && (request.method().equals("POST") || request.method().equals("GET"));
	}

	@Nullable
	private static String action(SimulatorRequest request, AlibabaParameters parameters) {
		return header(request, ACTION_HEADER, parameters.get("Action"));
	}

	@Nullable
	private static String header(SimulatorRequest request, String name, @Nullable String fallback) {
		String value = request.headers().getFirst(name);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

	private static String newRequestId() {
		return UUID.randomUUID().toString().toUpperCase();
	}

}
