package io.deskgraph.connector.huawei;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.AccountDays;
import io.deskgraph.connector.ConnectorInfrastructure;
import io.deskgraph.connector.Freshness;
import io.deskgraph.connector.Sized;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.connector.UpstreamRequest;
import io.deskgraph.connector.VendorHttp;
import io.deskgraph.connector.huawei.payload.DesktopMetricsParams;
import io.deskgraph.connector.huawei.payload.DesktopMetricsResponse;
import io.deskgraph.connector.huawei.payload.DesktopsDetailResponse;
import io.deskgraph.connector.huawei.payload.DesktopsStatisticsResponse;
import io.deskgraph.connector.huawei.payload.ExportTaskCreated;
import io.deskgraph.connector.huawei.payload.ExportTasksResponse;
import io.deskgraph.connector.huawei.payload.UnusedDesktopsResponse;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoRequest;
import io.deskgraph.connector.huawei.payload.UsedDesktopInfoResponse;
import io.deskgraph.connector.huawei.payload.UserMetricsParams;
import io.deskgraph.connector.huawei.payload.UserMetricsResponse;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorRejectedException;
import io.deskgraph.usage.VendorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Central class for calling the Huawei Cloud Workspace statistics APIs of one account:
 * one method per vendor API, answering the vendor's own payload records and failing with
 * typed {@link VendorException}s.
 *
 * @author DeskGraph
 */
final class HuaweiWorkspaceClient {

	private static final Logger logger = LoggerFactory.getLogger(HuaweiWorkspaceClient.class);

	private static final String REQUEST_ID = "X-Request-Id";

	private static final byte[] NO_BODY = new byte[0];

	private static final int MAX_RAW_MESSAGE = 200;

	private final WebClient webClient;

	private final URI endpoint;

	private final String accountId;

	private final String projectId;

	private final HuaweiProperties properties;

	private final ObjectMapper objectMapper;

	private final UpstreamExecutor upstream;

	private final Clock clock;

	private final AccountDays days;

	/**
	 * Creates a client.
	 * @param infrastructure what every vendor client is built from
	 * @param endpoint the API endpoint
	 * @param accountId the account, named in errors
	 * @param projectId the project id in every path
	 * @param authentication the filter that signs or adds the IAM token
	 * @param properties timeouts and limits
	 * @param days the account's days: metric windows are sent as their UTC instants, and
	 * a window is final once its last day is aggregated
	 */
	HuaweiWorkspaceClient(ConnectorInfrastructure infrastructure, URI endpoint, String accountId, String projectId,
			HuaweiSigningFilter authentication, HuaweiProperties properties, AccountDays days) {
		this.webClient = VendorHttp.webClient(infrastructure.webClientBuilder(), properties.connectTimeout(),
				properties.maxResponseSize(), authentication);
		this.endpoint = endpoint;
		this.accountId = accountId;
		this.projectId = projectId;
		this.properties = properties;
		this.objectMapper = infrastructure.objectMapper();
		this.upstream = infrastructure.upstream();
		this.clock = infrastructure.clock();
		this.days = days;
	}

	/**
	 * ListDesktopsStatistics: desktop counts by attach, login and run state, with pools.
	 * @param desktopTypes {@code DEDICATED} and/or {@code POOLED}; empty for all
	 * @param poolIds only these pools; empty for all
	 * @return the counts
	 */
	Mono<DesktopsStatisticsResponse> listDesktopsStatistics(List<String> desktopTypes, List<String> poolIds) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "statistics")
			.params("statistics_type", List.of("attach-state", "login-state", "run-state"))
			.params("desktop_type", desktopTypes)
			.params("desktop_pool_ids", poolIds)
			.build();
		return exchange(new HuaweiRequest("ListDesktopsStatistics", HttpMethod.GET, uri, null),
				DesktopsStatisticsResponse.class, Freshness.LIVE);
	}

	/**
	 * ListDesktopsDetail: the desktops of some ids with their names, states and products.
	 * @param desktopIds the ids, at most 100 (the vendor's limit); in a stable order so
	 * that the same ids are the same cached call
	 * @param enterpriseProjectId only desktops of this enterprise project, if set
	 * @return the desktops the vendor knows among them
	 */
	Mono<DesktopsDetailResponse> listDesktopsDetail(List<String> desktopIds, @Nullable String enterpriseProjectId) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "desktops", "detail")
			.params("desktop_id", desktopIds)
			.param("enterprise_project_id", enterpriseProjectId)
			.param("offset", 0)
			.param("limit", desktopIds.size())
			.build();
		// Names, states and billing of desktops: an inventory, kept as long as Alibaba's.
		return exchange(new HuaweiRequest("ListDesktopsDetail", HttpMethod.GET, uri, null),
				DesktopsDetailResponse.class, Freshness.INVENTORY);
	}

	/**
	 * ListDesktopsDetail: one page of every desktop of the project (of an enterprise
	 * project, when one is named), in the vendor's order.
	 * @param offset first desktop
	 * @param limit page size, at most 1000
	 * @param enterpriseProjectId the enterprise project, if any
	 * @return the page, with the total count
	 */
	Mono<DesktopsDetailResponse> listDesktopsDetailPage(long offset, int limit, @Nullable String enterpriseProjectId) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "desktops", "detail")
			.param("enterprise_project_id", enterpriseProjectId)
			.param("offset", offset)
			.param("limit", limit)
			.build();
		return exchange(new HuaweiRequest("ListDesktopsDetail", HttpMethod.GET, uri, null),
				DesktopsDetailResponse.class, Freshness.INVENTORY);
	}

	/**
	 * ListUnusedDesktops: desktops nobody used in a window.
	 * @param start start of the window
	 * @param end end of the window
	 * @param offset first result, at most 2000
	 * @param limit page size, at most 2000
	 * @return the page
	 */
	Mono<UnusedDesktopsResponse> listUnusedDesktops(Instant start, Instant end, long offset, int limit) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "desktops", "statistics", "unused")
			.param("start_time", HuaweiFormats.MILLIS_INSTANT.format(start))
			.param("end_time", HuaweiFormats.MILLIS_INSTANT.format(end))
			.param("offset", offset)
			.param("limit", limit)
			.build();
		return exchange(new HuaweiRequest("ListUnusedDesktops", HttpMethod.GET, uri, null),
				UnusedDesktopsResponse.class, Freshness.RECENT);
	}

	/**
	 * ListUsedDesktopInfo: usage per desktop and user by day or hour, at most 31 days.
	 * @param body the query
	 * @return the page
	 */
	Mono<UsedDesktopInfoResponse> listUsedDesktopInfo(UsedDesktopInfoRequest body) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "desktops", "statistics", "used").build();
		return Mono.fromCallable(() -> this.objectMapper.writeValueAsString(body))
			.flatMap((json) -> exchange(new HuaweiRequest("ListUsedDesktopInfo", HttpMethod.POST, uri, json),
					UsedDesktopInfoResponse.class, windowEnding(body.endTime())));
	}

	/**
	 * ListDesktopUsageMetric: usage and idle time per desktop, last 180 days.
	 * @param params the window, filters and order
	 * @param offset first result
	 * @param limit page size, at most 100
	 * @return the page
	 */
	Mono<DesktopMetricsResponse> listDesktopUsageMetric(DesktopMetricsParams params, long offset, int limit) {
		URI uri = desktopMetrics(
				HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "statistics", "metrics", "desktops"), params)
			.param("offset", offset)
			.param("limit", limit)
			.build();
		return exchange(new HuaweiRequest("ListDesktopUsageMetric", HttpMethod.GET, uri, null),
				DesktopMetricsResponse.class, this.days.ofWindowEnding(params.to()));
	}

	/**
	 * ListUserUsageMetric: usage and logins per user, at most 30 days.
	 * @param params the window, filters and order
	 * @param offset first result
	 * @param limit page size, at most 100
	 * @return the page
	 */
	Mono<UserMetricsResponse> listUserUsageMetric(UserMetricsParams params, long offset, int limit) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "statistics", "metrics", "users")
			.param("start_time", HuaweiFormats.metricStart(this.days.start(params.from())))
			.param("end_time", HuaweiFormats.metricEnd(this.days.end(params.to())))
			.param("username", params.username())
			.param("enterprise_project_id", params.enterpriseProjectId())
			.param("usage_min_hours", params.usageMinHours())
			.param("usage_max_hours", params.usageMaxHours())
			.param("sort_field", params.sortField())
			.param("sort_type", params.sortType())
			.param("offset", offset)
			.param("limit", limit)
			.build();
		return exchange(new HuaweiRequest("ListUserUsageMetric", HttpMethod.GET, uri, null), UserMetricsResponse.class,
				this.days.ofWindowEnding(params.to()));
	}

	/**
	 * ExportDesktopUsageMetric (v3): starts an export of desktop usage metrics.
	 * @param params the window, filters and order
	 * @return the created task's id
	 */
	Mono<ExportTaskCreated> exportDesktopUsageMetric(DesktopMetricsParams params) {
		URI uri = desktopMetrics(
				HuaweiRequest.uri(this.endpoint, "v3", this.projectId, "statistics", "metrics", "desktops", "export"),
				params)
			.build();
		return exchange(new HuaweiRequest("ExportDesktopUsageMetric", HttpMethod.GET, uri, null),
				ExportTaskCreated.class, Freshness.NONE);
	}

	/**
	 * ListExportTasks filtered to one task.
	 * @param taskId the task id
	 * @return the tasks found
	 */
	Mono<ExportTasksResponse> listExportTasks(String taskId) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "export-tasks")
			.param("task_id", taskId)
			.build();
		return exchange(new HuaweiRequest("ListExportTasks", HttpMethod.GET, uri, null), ExportTasksResponse.class,
				Freshness.LIVE);
	}

	/**
	 * DownloadExportFile: opens the file of a finished export task. The answer arrives
	 * once the vendor sent its headers, through the same quota, bulkhead, breaker and
	 * retries as every call; its body is a stream for the caller to consume exactly once,
	 * never read into memory here, and it fails when the vendor stalls longer than the
	 * response timeout between two buffers.
	 * @param taskId the task id
	 * @return the vendor's headers and its body
	 */
	Mono<ResponseEntity<Flux<DataBuffer>>> downloadExportFile(String taskId) {
		URI uri = HuaweiRequest.uri(this.endpoint, "v2", this.projectId, "export-tasks", taskId, "download").build();
		HuaweiRequest request = new HuaweiRequest("DownloadExportFile", HttpMethod.GET, uri, null);
		// Freshness.NONE: a file is never cached, and each download is one vendor call.
		return this.upstream.fetch(
				new UpstreamRequest(Vendor.HUAWEI, this.accountId, request.operation(), request, Freshness.NONE),
				() -> open(request));
	}

	private Mono<ResponseEntity<Flux<DataBuffer>>> open(HuaweiRequest request) {
		return this.webClient.get()
			.uri(request.uri())
			.accept(MediaType.ALL)
			.retrieve()
			// A redirect (the docs do not say whether the vendor sends one) is not
			// followed: the signed headers must not travel to another host.
			.onStatus((status) -> status.value() >= 300,
					(response) -> response.bodyToMono(byte[].class)
						.defaultIfEmpty(NO_BODY)
						.map((bytes) -> downloadError(request, response, bytes)))
			.toEntityFlux(DataBuffer.class)
			.map((entity) -> new ResponseEntity<>(stream(request, entity.getBody()), entity.getHeaders(),
					entity.getStatusCode()))
			.timeout(this.properties.responseTimeout())
			.onErrorMap((ex) -> !(ex instanceof VendorException), (ex) -> transportFailure(request, ex))
			.doOnError((ex) -> logger.debug("{} for account '{}' failed: {}", request.operation(), this.accountId,
					ex.getMessage()));
	}

	private VendorException downloadError(HuaweiRequest request, ClientResponse response, byte[] body) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (status < 400) {
			// Not retried: the same call would be redirected again.
			return new VendorRejectedException(Vendor.HUAWEI, this.accountId, status, null,
					headers.getFirst(REQUEST_ID), describe(request) + " answered a redirect (HTTP " + status
							+ "), which DeskGraph does not follow with signed headers",
					null);
		}
		return vendorError(request, status, headers.getFirst(REQUEST_ID), body, headers);
	}

	private Flux<DataBuffer> stream(HuaweiRequest request, @Nullable Flux<DataBuffer> body) {
		if (body == null) {
			return Flux.empty();
		}
		// Between buffers, not in total: a large file may take long, a stalled one not.
		return body.timeout(this.properties.responseTimeout())
			.onErrorMap((ex) -> !(ex instanceof VendorException), (ex) -> transportFailure(request, ex));
	}

	private HuaweiRequest.UriBuilder desktopMetrics(HuaweiRequest.UriBuilder uri, DesktopMetricsParams params) {
		return uri.param("start_time", HuaweiFormats.metricStart(this.days.start(params.from())))
			.param("end_time", HuaweiFormats.metricEnd(this.days.end(params.to())))
			.param("enterprise_project_id", params.enterpriseProjectId())
			.param("resource_name", params.resourceName())
			.param("min_idle_days", params.minIdleDays())
			.param("max_idle_days", params.maxIdleDays())
			.param("usage_min_hours", params.usageMinHours())
			.param("usage_max_hours", params.usageMaxHours())
			.param("sort_field", params.sortField())
			.param("sort_type", params.sortType());
	}

	private Freshness windowEnding(@Nullable String lastDay) {
		// Without an end date the vendor reports the last 15 days, which include today.
		return (lastDay != null) ? this.days.ofWindowEnding(LocalDate.parse(lastDay)) : Freshness.RECENT;
	}

	/**
	 * Performs one vendor call through the cache and the resilience chain; the request
	 * itself (operation, URI and body) is the cache key.
	 */
	private <T> Mono<T> exchange(HuaweiRequest request, Class<T> type, Freshness freshness) {
		return this.upstream.fetchSized(
				new UpstreamRequest(Vendor.HUAWEI, this.accountId, request.operation(), request, freshness),
				() -> send(request, type), (body) -> VendorHttp.decode(this.objectMapper, body, type, Vendor.HUAWEI,
						this.accountId, describe(request), request.operation(), 200, null));
	}

	/**
	 * Sends one HTTP request: this is where the response timeout applies and where
	 * failures become typed exceptions.
	 */
	private <T> Mono<Sized<T>> send(HuaweiRequest request, Class<T> type) {
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(request.uri())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON);
		byte[] body = request.bodyBytes();
		WebClient.RequestHeadersSpec<?> call = (body != null)
				? spec.attribute(HuaweiSigningFilter.BODY_ATTRIBUTE, body).bodyValue(body) : spec;
		return call.exchangeToMono((response) -> read(request, response, type))
			.timeout(this.properties.responseTimeout())
			.onErrorMap((ex) -> !(ex instanceof VendorException), (ex) -> transportFailure(request, ex))
			.doOnError((ex) -> logger.debug("{} for account '{}' failed: {}", request.operation(), this.accountId,
					ex.getMessage()));
	}

	private <T> Mono<Sized<T>> read(HuaweiRequest request, ClientResponse response, Class<T> type) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(NO_BODY).map((bytes) -> {
			int status = response.statusCode().value();
			String requestId = response.headers().asHttpHeaders().getFirst(REQUEST_ID);
			if (status >= 300) {
				throw vendorError(request, status, requestId, bytes, response.headers().asHttpHeaders());
			}
			return Sized.of(VendorHttp.decode(this.objectMapper, bytes, type, Vendor.HUAWEI, this.accountId,
					describe(request), request.operation(), status, requestId), bytes);
		});
	}

	private VendorException vendorError(HuaweiRequest request, int status, @Nullable String requestId, byte[] body,
			HttpHeaders headers) {
		ErrorBody error = parseError(this.objectMapper, body);
		String message = describe(request) + " failed with HTTP " + status
				+ ((error.code() != null) ? ", " + error.code() : "")
				+ ((error.message() != null) ? ": " + error.message() : "");
		if (status == 401 || status == 403) {
			return new VendorAuthException(Vendor.HUAWEI, this.accountId, status, error.code(), requestId, message,
					null);
		}
		if (status == 429 || (error.code() != null && error.code().endsWith(".0308"))) {
			return new VendorQuotaException(Vendor.HUAWEI, this.accountId, status, error.code(), requestId, message,
					VendorHttp.retryAfter(headers, this.clock.instant()), null);
		}
		if (status >= 400 && status < 500) {
			return new VendorRejectedException(Vendor.HUAWEI, this.accountId, status, error.code(), requestId, message,
					null);
		}
		return new VendorUnavailableException(Vendor.HUAWEI, this.accountId, status, error.code(), requestId, message,
				null);
	}

	private VendorException transportFailure(HuaweiRequest request, Throwable ex) {
		return VendorHttp.transportFailure(Vendor.HUAWEI, this.accountId, describe(request),
				this.properties.responseTimeout(),
				this.properties.maxResponseSize() + " (deskgraph.huawei.max-response-size)", ex);
	}

	private String describe(HuaweiRequest request) {
		return "Huawei " + request.operation() + " for account '" + this.accountId + "'";
	}

	/**
	 * Reads a Huawei error body the way the official SDK does: {@code error_code} and
	 * {@code error_msg}, else {@code code} and {@code message}, else the same inside a
	 * nested object such as {@code {"error":{...}}}; otherwise the raw text.
	 */
	static ErrorBody parseError(ObjectMapper objectMapper, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		try {
			JsonNode node = objectMapper.readTree(body);
			ErrorBody found = (node != null) ? findError(node, 0) : null;
			if (found != null) {
				return found;
			}
		}
		catch (IOException ex) {
			// not JSON: fall back to the raw text
		}
		if (text.isEmpty()) {
			return new ErrorBody(null, null);
		}
		return new ErrorBody(null, (text.length() > MAX_RAW_MESSAGE) ? text.substring(0, MAX_RAW_MESSAGE) + "…" : text);
	}

	@Nullable
	private static ErrorBody findError(JsonNode node, int depth) {
		if (!node.isObject() || depth > 3) {
			return null;
		}
		if (node.hasNonNull("error_code") || node.hasNonNull("error_msg")) {
			return new ErrorBody(text(node, "error_code"), text(node, "error_msg"));
		}
		if (node.hasNonNull("code") && node.hasNonNull("message")) {
			return new ErrorBody(text(node, "code"), text(node, "message"));
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			ErrorBody nested = findError(fields.next().getValue(), depth + 1);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	@Nullable
	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asText() : null;
	}

	/**
	 * The code and message of a Huawei error answer.
	 *
	 * @param code the vendor code, for example {@code APIGW.0301}
	 * @param message the vendor message
	 */
	record ErrorBody(@Nullable String code, @Nullable String message) {

	}

}
