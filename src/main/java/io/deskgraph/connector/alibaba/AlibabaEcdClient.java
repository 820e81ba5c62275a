package io.deskgraph.connector.alibaba;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.connector.ConnectorInfrastructure;
import io.deskgraph.connector.Freshness;
import io.deskgraph.connector.Sized;
import io.deskgraph.connector.UpstreamExecutor;
import io.deskgraph.connector.UpstreamRequest;
import io.deskgraph.connector.VendorHttp;
import io.deskgraph.connector.alibaba.payload.DescribeDesktopsResponse;
import io.deskgraph.connector.alibaba.payload.ErrorResponse;
import io.deskgraph.connector.alibaba.payload.UsageDurationRankResponse;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorAuthException;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorRejectedException;
import io.deskgraph.usage.VendorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Central class for calling the Alibaba Cloud ECD (2020-09-30) actions of one account in
 * its regions: one method per action, answering the vendor's own payload records and
 * failing with typed {@link VendorException}s.
 *
 * @author DeskGraph
 */
final class AlibabaEcdClient {

	private static final Logger logger = LoggerFactory.getLogger(AlibabaEcdClient.class);

	/** Most rows QueryHistoryUsageDurationRank answers per page. */
	static final int MAX_RANK_LIMIT = 200;

	/** Most desktops DescribeDesktops answers per page, and most DesktopId.N filters. */
	static final int MAX_DESCRIBE_RESULTS = 100;

	static final String QUERY_HISTORY_USAGE_DURATION_RANK = "QueryHistoryUsageDurationRank";

	static final String DESCRIBE_DESKTOPS = "DescribeDesktops";

	private static final String REQUEST_ID = "x-acs-request-id";

	private static final byte[] NO_BODY = new byte[0];

	private static final int MAX_RAW_MESSAGE = 200;

	/** Codes that mean the credentials or the signature were refused. */
	private static final Set<String> AUTH_CODES = Set.of("SignatureDoesNotMatch", "IncompleteSignature",
			"SignatureNonceUsed", "IllegalTimestamp", "MissingSecurityToken");

	/** Code prefixes that mean the credentials or the signature were refused. */
	private static final List<String> AUTH_PREFIXES = List.of("InvalidAccessKeyId", "InvalidTimeStamp",
			"InvalidSecurityToken", "Forbidden");

	private final WebClient webClient;

	/** The endpoint of the account's region, which answers the usage ranking. */
	private final URI endpoint;

	/** The endpoint DescribeDesktops of each region the account covers is sent to. */
	private final Map<String, URI> regionEndpoints;

	private final String accountId;

	private final AlibabaProperties properties;

	private final ObjectMapper objectMapper;

	private final UpstreamExecutor upstream;

	private final Clock clock;

	/**
	 * Creates a client of an account of one region.
	 * @param infrastructure what every vendor client is built from
	 * @param endpoint the API endpoint
	 * @param accountId the account, named in errors
	 * @param region the region sent as {@code RegionId}
	 * @param signing the filter that signs each request
	 * @param properties timeouts and limits
	 */
	AlibabaEcdClient(ConnectorInfrastructure infrastructure, URI endpoint, String accountId, String region,
			AlibabaSigningFilter signing, AlibabaProperties properties) {
		this(infrastructure, Map.of(region, endpoint), accountId, region, signing, properties);
	}

	/**
	 * Creates a client of an account covering several regions.
	 * @param infrastructure what every vendor client is built from
	 * @param regionEndpoints the endpoint of each region the account covers
	 * @param accountId the account, named in errors
	 * @param region the account's region, whose endpoint answers the usage ranking
	 * @param signing the filter that signs each request
	 * @param properties timeouts and limits
	 */
	AlibabaEcdClient(ConnectorInfrastructure infrastructure, Map<String, URI> regionEndpoints, String accountId,
			String region, AlibabaSigningFilter signing, AlibabaProperties properties) {
		Assert.isTrue(regionEndpoints.containsKey(region), "The account's region needs an endpoint");
		this.webClient = VendorHttp.webClient(infrastructure.webClientBuilder(), properties.connectTimeout(),
				properties.maxResponseSize(), signing);
		this.endpoint = regionEndpoints.get(region);
		this.regionEndpoints = Map.copyOf(regionEndpoints);
		this.accountId = accountId;
		this.properties = properties;
		this.objectMapper = infrastructure.objectMapper();
		this.upstream = infrastructure.upstream();
		this.clock = infrastructure.clock();
	}

	/**
	 * QueryHistoryUsageDurationRank: usage per desktop and end user over days of the last
	 * 90, for every region of the caller.
	 * @param startDate the first day
	 * @param endDate the last day
	 * @param bizType the account's BizType, or {@code null} to leave it out
	 * @param limit page size, at most 200
	 * @param nextToken the token of the page wanted, or {@code null} for the first
	 * @param freshness how long the page stays true, from the account's days
	 * @return the page
	 */
	Mono<UsageDurationRankResponse> queryHistoryUsageDurationRank(LocalDate startDate, LocalDate endDate,
			@Nullable Integer bizType, int limit, @Nullable String nextToken, Freshness freshness) {
		Assert.isTrue(limit >= 1 && limit <= MAX_RANK_LIMIT, "Limit must be between 1 and " + MAX_RANK_LIMIT);
		AlibabaRequest request = AlibabaRequest.of(this.endpoint, QUERY_HISTORY_USAGE_DURATION_RANK)
			.param("StartDate", startDate)
			.param("EndDate", endDate)
			.param("Limit", limit)
			.param("NextToken", nextToken)
			.param("BizType", bizType)
			.build();
		return exchange(request, UsageDurationRankResponse.class, freshness);
	}

	/**
	 * DescribeDesktops: the desktops of one of the account's regions.
	 * @param region the region, one the account covers
	 * @param maxResults page size, at most 100
	 * @param nextToken the token of the page wanted, or {@code null} for the first
	 * @param desktopIds only these desktops (at most 100); empty for all
	 * @param freshness how long the page stays true: an inventory page lives longer than
	 * the live state of a few desktops
	 * @return the page
	 */
	Mono<DescribeDesktopsResponse> describeDesktops(String region, int maxResults, @Nullable String nextToken,
			List<String> desktopIds, Freshness freshness) {
		Assert.isTrue(maxResults >= 1 && maxResults <= MAX_DESCRIBE_RESULTS,
				"MaxResults must be between 1 and " + MAX_DESCRIBE_RESULTS);
		Assert.isTrue(desktopIds.size() <= MAX_DESCRIBE_RESULTS,
				"At most " + MAX_DESCRIBE_RESULTS + " DesktopId filters");
		AlibabaRequest request = AlibabaRequest.of(endpoint(region), DESCRIBE_DESKTOPS)
			.param("RegionId", region)
			.param("MaxResults", maxResults)
			.param("NextToken", nextToken)
			.list("DesktopId", desktopIds)
			.build();
		return exchange(request, DescribeDesktopsResponse.class, freshness);
	}

	/**
	 * DescribeDesktops as a count: how many desktops of one of the account's regions are
	 * in some states, from the {@code TotalCount} of one page of a single desktop
	 * filtered by {@code DesktopStatusList}.
	 * @param region the region, one the account covers
	 * @param statuses the states counted (at most 100); empty for every desktop
	 * @return the count
	 */
	Mono<Long> countDesktops(String region, List<String> statuses) {
		Assert.isTrue(statuses.size() <= MAX_DESCRIBE_RESULTS, "At most " + MAX_DESCRIBE_RESULTS + " states");
		AlibabaRequest request = AlibabaRequest.of(endpoint(region), DESCRIBE_DESKTOPS)
			.param("RegionId", region)
			.param("MaxResults", 1)
			.list("DesktopStatusList", statuses)
			.build();
		return exchange(request, DescribeDesktopsResponse.class, Freshness.LIVE)
			.map(DescribeDesktopsResponse::totalCount);
	}

	/**
	 * The endpoint of a region's product API: DescribeDesktops is regional and answers
	 * only the desktops of the region it is sent to.
	 */
	private URI endpoint(String region) {
		URI regional = this.regionEndpoints.get(region);
		Assert.notNull(regional, () -> "Region " + region + " is not one account '" + this.accountId + "' covers");
		return regional;
	}

	/**
	 * Performs one vendor call through the cache and the resilience chain; the request
	 * itself (action and URI) is the cache key.
	 */
	private <T> Mono<T> exchange(AlibabaRequest request, Class<T> type, Freshness freshness) {
		return this.upstream.fetchSized(
				new UpstreamRequest(Vendor.ALIBABA, this.accountId, request.action(), request, freshness),
				() -> send(request, type), (body) -> VendorHttp.decode(this.objectMapper, body, type, Vendor.ALIBABA,
						this.accountId, describe(request), request.action(), 200, null));
	}

	/**
	 * Sends one HTTP request: this is where the response timeout applies and where
	 * failures become typed exceptions.
	 */
	private <T> Mono<Sized<T>> send(AlibabaRequest request, Class<T> type) {
		return this.webClient.post()
			.uri(request.uri())
			.accept(MediaType.APPLICATION_JSON)
			.attribute(AlibabaSigningFilter.ACTION_ATTRIBUTE, request.action())
			.exchangeToMono((response) -> read(request, response, type))
			.timeout(this.properties.responseTimeout())
			.onErrorMap((ex) -> !(ex instanceof VendorException), (ex) -> transportFailure(request, ex))
			.doOnError((ex) -> logger.debug("{} for account '{}' failed: {}", request.action(), this.accountId,
					ex.getMessage()));
	}

	private <T> Mono<Sized<T>> read(AlibabaRequest request, ClientResponse response, Class<T> type) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(NO_BODY).map((bytes) -> {
			int status = response.statusCode().value();
			String headerRequestId = response.headers().asHttpHeaders().getFirst(REQUEST_ID);
			if (status >= 300) {
				throw vendorError(request, status, headerRequestId, bytes, response.headers().asHttpHeaders());
			}
			return Sized.of(VendorHttp.decode(this.objectMapper, bytes, type, Vendor.ALIBABA, this.accountId,
					describe(request), request.action(), status, headerRequestId), bytes);
		});
	}

	private VendorException vendorError(AlibabaRequest request, int status, @Nullable String headerRequestId,
			byte[] body, HttpHeaders headers) {
		ErrorResponse error = parseError(this.objectMapper, body);
		String code = error.code();
		String requestId = (error.requestId() != null) ? error.requestId() : headerRequestId;
		String message = describe(request) + " failed with HTTP " + status + ((code != null) ? ", " + code : "")
				+ ((error.message() != null) ? ": " + error.message() : "");
		if ((code != null && code.startsWith("Throttling") && status < 500) || status == 429) {
			return new VendorQuotaException(Vendor.ALIBABA, this.accountId, status, code, requestId, message,
					VendorHttp.retryAfter(headers, this.clock.instant()), null);
		}
		if (status == 401 || status == 403 || isAuthCode(code)) {
			return new VendorAuthException(Vendor.ALIBABA, this.accountId, status, code, requestId, message, null);
		}
		if (status >= 400 && status < 500 && !"ServiceUnavailable".equals(code)) {
			return new VendorRejectedException(Vendor.ALIBABA, this.accountId, status, code, requestId, message, null);
		}
		return new VendorUnavailableException(Vendor.ALIBABA, this.accountId, status, code, requestId, message, null);
	}

	static boolean isAuthCode(@Nullable String code) {
		return code != null && (AUTH_CODES.contains(code) || AUTH_PREFIXES.stream().anyMatch(code::startsWith));
	}

	private VendorException transportFailure(AlibabaRequest request, Throwable ex) {
		return VendorHttp.transportFailure(Vendor.ALIBABA, this.accountId, describe(request),
				this.properties.responseTimeout(),
				this.properties.maxResponseSize() + " (deskgraph.alibaba.max-response-size)", ex);
	}

	private String describe(AlibabaRequest request) {
		return "Alibaba " + request.action() + " for account '" + this.accountId + "'";
	}

	/**
	 * Reads Alibaba's unified error body ({@code Code}, {@code Message},
	 * {@code RequestId}, {@code Recommend}, {@code HostId}); a body that is not such JSON
	 * becomes the message, cut to a readable length.
	 * @param body the body bytes
	 * @return the error, with every part that was found
	 */
	static ErrorResponse parseError(ObjectMapper objectMapper, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		ErrorResponse error = null;
		if (text.startsWith("{")) {
			try {
				error = objectMapper.readValue(body, ErrorResponse.class);
			}
			catch (IOException ex) {
				// not JSON: fall back to the raw text
			}
		}
		if (error != null && (error.code() != null || error.message() != null)) {
			return error;
		}
		String requestId = (error != null) ? error.requestId() : null;
		String message = text.isEmpty() ? null
				: (text.length() > MAX_RAW_MESSAGE) ? text.substring(0, MAX_RAW_MESSAGE) + "…" : text;
		return new ErrorResponse(requestId, null, null, message, null);
	}

}
