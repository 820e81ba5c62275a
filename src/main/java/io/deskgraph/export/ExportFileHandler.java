package io.deskgraph.export;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.AccountScope;
import io.deskgraph.usage.ExportFile;
import io.deskgraph.usage.ExportNotDownloadableException;
import io.deskgraph.usage.ExportStatus;
import io.deskgraph.usage.ExportTask;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.UnsupportedQueryException;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.VendorException;
import io.deskgraph.usage.VendorQuotaException;
import io.deskgraph.usage.VendorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Streams the file of a finished export task from its vendor to the caller: the task's
 * account is looked up within the caller's {@link AccountScope} exactly as GraphQL does,
 * the vendor call goes through the account's quota, bulkhead, breaker and retries, and
 * the body passes through buffer by buffer (a client that goes away cancels the vendor's
 * stream); failures become a small JSON error with a fitting HTTP status.
 *
 * @author DeskGraph
 */
@Component
class ExportFileHandler {

	private static final Logger logger = LoggerFactory.getLogger(ExportFileHandler.class);

	/** When to ask again for a file that is still being produced. */
	private static final Duration NOT_READY_RETRY = Duration.ofSeconds(5);

	private final AccountRegistry accounts;

	ExportFileHandler(AccountRegistry accounts) {
		this.accounts = accounts;
	}

	Mono<ServerResponse> download(ServerRequest request) {
		String id = request.pathVariable("id");
		return AccountScope.current().flatMap((scope) -> {
			GlobalId taskId = GlobalId.parse(id, "id");
			return connector(scope, taskId).downloadExportFile(taskId.nativeId());
		}).flatMap(this::stream).onErrorResume((ex) -> failed(id, ex));
	}

	/**
	 * The connector of the task's account, failing as GraphQL's {@code exportTask} does:
	 * an account outside the caller's scope is reported exactly like an unknown one.
	 */
	private UsageConnector connector(AccountScope scope, GlobalId taskId) {
		UsageConnector connector;
		try {
			connector = this.accounts.get(scope, taskId.accountId(), "id");
		}
		catch (InvalidArgumentException ex) {
			throw new UnknownAccountException(ex.getMessage());
		}
		if (connector.account().vendor() != taskId.vendor()) {
			throw new InvalidArgumentException("id", "'" + taskId + "' names vendor " + taskId.vendor()
					+ " but account " + taskId.accountId() + " belongs to vendor " + connector.account().vendor());
		}
		return connector;
	}

	private Mono<ServerResponse> stream(ExportFile file) {
		AtomicLong bytes = new AtomicLong();
		Flux<DataBuffer> counted = file.content()
			.doOnNext((buffer) -> bytes.addAndGet(buffer.readableByteCount()))
			.doFinally((signal) -> logger.info("Export download account={} task={} bytes={} status=200 {}",
					file.accountId(), file.taskId(), bytes.get(), outcome(signal)));
		return ServerResponse.ok().headers((headers) -> {
			headers.setContentType(contentType(file.contentType()));
			headers.set(HttpHeaders.CONTENT_DISPOSITION, (file.contentDisposition() != null) ? file.contentDisposition()
					: ContentDisposition.attachment().build().toString());
			if (file.contentLength() >= 0) {
				headers.setContentLength(file.contentLength());
			}
			// A file for one caller: no shared cache may keep it.
			headers.setCacheControl(CacheControl.noStore());
		}).body(BodyInserters.fromDataBuffers(counted));
	}

	private static String outcome(SignalType signal) {
		return switch (signal) {
			case ON_COMPLETE -> "complete";
			case CANCEL -> "cancelled by the client";
			default -> "failed mid-stream";
		};
	}

	private static MediaType contentType(@Nullable String value) {
		try {
			return (value != null) ? MediaType.parseMediaType(value) : MediaType.APPLICATION_OCTET_STREAM;
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	private Mono<ServerResponse> failed(String id, Throwable ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		HttpStatus status = classify(ex, body);
		body.put("message", (status == HttpStatus.INTERNAL_SERVER_ERROR) ? "internal error" : ex.getMessage());
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			logger.error("Export download of task {} failed", id, ex);
		}
		else {
			logger.info("Export download task={} status={} {}", id, status.value(), body.get("error"));
		}
		ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
		if (body.remove("retryAfter") instanceof Duration wait) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
		}
		return response.bodyValue(body);
	}

	/**
	 * Fills the error code (and vendor details) of a failure and answers its HTTP status:
	 * the caller's mistakes are 4xx, the vendor's failures 502 (it answered badly) or 503
	 * (it or its quota is unavailable for now).
	 */
	private static HttpStatus classify(Throwable ex, Map<String, Object> body) {
		if (ex instanceof InvalidArgumentException) {
			body.put("error", "bad_request");
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof UnknownAccountException || ex instanceof UnsupportedQueryException) {
			body.put("error", "not_found");
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof ExportNotDownloadableException notDownloadable) {
			return notDownloadable(notDownloadable.getTask(), body);
		}
		if (ex instanceof VendorException vendor) {
			body.put("error", vendor.classification().name().toLowerCase(Locale.ROOT));
			body.put("vendor", vendor.getVendor().name());
			body.put("accountId", vendor.getAccountId());
			if (vendor.getUpstreamCode() != null) {
				body.put("upstreamCode", vendor.getUpstreamCode());
			}
			body.put("retryable", vendor.isRetryable());
			if (vendor instanceof VendorQuotaException quota) {
				body.put("retryAfter", quota.getRetryAfter());
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			// The vendor did not answer at all, or DeskGraph paused calls to it.
			if (vendor instanceof VendorUnavailableException && vendor.getHttpStatus() == 0) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
			return HttpStatus.BAD_GATEWAY;
		}
		body.put("error", "internal_error");
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static HttpStatus notDownloadable(@Nullable ExportTask task, Map<String, Object> body) {
		if (task == null) {
			body.put("error", "not_found");
			return HttpStatus.NOT_FOUND;
		}
		body.put("status", task.status().name());
		if (task.status() == ExportStatus.EXPIRED) {
			body.put("error", "export_expired");
			return HttpStatus.GONE;
		}
		if (task.status() == ExportStatus.FAIL) {
			body.put("error", "export_failed");
			if (task.errorCode() != null) {
				body.put("errorCode", task.errorCode());
			}
			return HttpStatus.CONFLICT;
		}
		body.put("error", "export_not_ready");
		body.put("retryAfter", NOT_READY_RETRY);
		return HttpStatus.CONFLICT;
	}

	/**
	 * The task names an account the caller cannot see (or none that exists): not found,
	 * like GraphQL's unknown account, rather than a malformed request.
	 */
	private static final class UnknownAccountException extends RuntimeException {

		UnknownAccountException(String message) {
			super(message, null, false, false);
		}

	}

}
