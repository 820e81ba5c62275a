package io.deskgraph.connector;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.deskgraph.usage.Vendor;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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

}
