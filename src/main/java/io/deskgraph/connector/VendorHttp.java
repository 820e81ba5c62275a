package io.deskgraph.connector;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskgraph.usage.Vendor;
import io.deskgraph.usage.VendorUnavailableException;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.lang.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP plumbing both vendor clients share: a WebClient with connect timeout, response
 * size limit and authentication filter, and the translation of transport failures into
 * {@link VendorUnavailableException}s.
 *
 * @author DeskGraph
 */
public final class VendorHttp {

	/** The longest vendor {@code Retry-After} DeskGraph honours. */
	static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

	private VendorHttp() {
	}

	/**
	 * Builds a vendor WebClient from the Boot-configured builder (cloned, not changed).
	 * @param builder the Boot-configured builder
	 * @param connectTimeout the TCP connect time limit
	 * @param maxResponseSize the largest body read
	 * @param authentication the filter that signs requests
	 * @return the client
	 */
	public static WebClient webClient(WebClient.Builder builder, Duration connectTimeout, DataSize maxResponseSize,
			ExchangeFilterFunction authentication) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
		return builder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize((int) maxResponseSize.toBytes()))
			.filter(authentication)
			.build();
	}

	/**
	 * Describes a call that got no usable answer.
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param call what was called, for example
	 * {@code Huawei ListUsedDesktopInfo for account 'x'}
	 * @param responseTimeout the response time limit, named for timeouts
	 * @param sizeLimit the response size limit and its property, named for oversized
	 * answers
	 * @param ex the transport failure
	 * @return the typed exception
	 */
	public static VendorUnavailableException transportFailure(Vendor vendor, String accountId, String call,
			Duration responseTimeout, String sizeLimit, Throwable ex) {
		String message;
		if (ex instanceof TimeoutException) {
			message = call + " did not answer within " + responseTimeout.toMillis() + " ms";
		}
		else if (ex instanceof DataBufferLimitException) {
			message = call + " answered more than " + sizeLimit;
		}
		else {
			message = call + " could not be reached: " + rootMessage(ex);
		}
		return new VendorUnavailableException(vendor, accountId, 0, null, null, message, ex);
	}

	/**
	 * How long a throttled call should wait, as the vendor said in its answer:
	 * {@code Retry-After} in seconds or as an HTTP date, or Alibaba's
	 * {@code x-acs-retry-after} in milliseconds. Values that cannot be read or lie
	 * outside a minute are ignored: a vendor header must not stall DeskGraph.
	 * @param headers the answer's headers
	 * @param now the current instant, for HTTP dates
	 * @return the wait, or {@code null} when the answer names none
	 */
	@Nullable
	public static Duration retryAfter(HttpHeaders headers, Instant now) {
		Duration wait = null;
		String millis = headers.getFirst("x-acs-retry-after");
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		try {
			if (millis != null) {
				wait = Duration.ofMillis(Long.parseLong(millis.trim()));
			}
			else if (value != null && value.trim().chars().allMatch(Character::isDigit) && !value.isBlank()) {
				wait = Duration.ofSeconds(Long.parseLong(value.trim()));
			}
			else if (value != null) {
				wait = Duration.between(now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
			}
		}
		catch (NumberFormatException | DateTimeException ex) {
			return null;
		}
		if (wait == null || wait.isNegative() || wait.compareTo(MAX_RETRY_AFTER) > 0) {
			return null;
		}
		return wait;
	}

	/**
	 * The innermost cause, as class name and message.
	 * @param ex the failure
	 * @return a one-line description
	 */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? " " + message : "");
	}

	/**
	 * Reads a vendor answer; a body that is not the expected answer is a
	 * {@link VendorUnavailableException} (a malformed answer, worth retrying), never an
	 * internal error.
	 * @param <T> the answer type
	 * @param objectMapper the JSON reader
	 * @param bytes the body
	 * @param type the answer type
	 * @param vendor the vendor
	 * @param accountId the account
	 * @param call what was called, for the message
	 * @param operation the vendor operation, for the message
	 * @param status the HTTP status
	 * @param requestId the vendor request id, if any
	 * @return the answer
	 */
	public static <T> T decode(ObjectMapper objectMapper, byte[] bytes, Class<T> type, Vendor vendor, String accountId,
			String call, String operation, int status, @Nullable String requestId) {
		String problem;
		IOException cause = null;
		try {
			T value = objectMapper.readValue(bytes, type);
			if (value != null) {
				return value;
			}
			problem = "no answer";
		}
		catch (IOException ex) {
			problem = (ex instanceof JsonProcessingException json) ? json.getOriginalMessage() : ex.getMessage();
			cause = ex;
		}
		throw new VendorUnavailableException(vendor, accountId, status, null, requestId, call + " answered HTTP "
				+ status + " with a body that is not a valid " + operation + " answer: " + problem, cause);
	}

}
