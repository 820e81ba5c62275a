package io.deskgraph.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The HTTP server of one vendor simulator: serves the vendor API through a
 * {@link SimulatorApi}, injects the configured faults, counts calls and answers the
 * unsigned control endpoints under {@code /_sim/}.
 *
 * @author DeskGraph
 */
public final class SimulatorServer {

	/** The longest request line served; the vendors' own limits are unconfirmed. */
	static final int MAX_REQUEST_LINE = 32 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(SimulatorServer.class);

	private static final String CONTROL_PREFIX = "/_sim/";

	private static final byte[] NO_BODY = new byte[0];

	private final String name;

	private final String host;

	private final int port;

	private final SimulatorApi api;

	private final FaultInjector faults;

	private final SimulatorStats stats;

	private final QuotaLimiter quotas;

	private final Duration timeoutHold;

	private final ObjectMapper json = new ObjectMapper();

	@Nullable
	private LoopResources loops;

	@Nullable
	private DisposableServer server;

	/**
	 * Creates a server; nothing is bound before {@link #start()}.
	 * @param name a short name used for thread names, e.g. {@code huawei}
	 * @param host the address to bind
	 * @param port the port to bind, 0 for a random free port
	 * @param api the vendor API
	 * @param faults the fault settings
	 * @param stats the call statistics
	 * @param quotas the quota windows, cleared by {@code POST /_sim/reset}
	 * @param timeoutHold how long a call hit by a timeout fault is held before its
	 * connection is closed (if the client has not given up first)
	 */
	public SimulatorServer(String name, String host, int port, SimulatorApi api, FaultInjector faults,
			SimulatorStats stats, QuotaLimiter quotas, Duration timeoutHold) {
		this.name = name;
		this.host = host;
		this.port = port;
		this.api = api;
		this.faults = faults;
		this.stats = stats;
		this.quotas = quotas;
		this.timeoutHold = timeoutHold;
	}

	/** Binds the server, blocking until it listens; does nothing if it already does. */
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
		LoopResources loopResources = LoopResources.create("sim-" + this.name, threads, true);
		try {
			this.server = HttpServer.create()
				.host(this.host)
				.port(this.port)
				.runOn(loopResources)
				// Netty's default request line (4 KB) is shorter than the vendors' own: a
				// Huawei desktop detail listing of the 100 ids it takes is about 5 KB.
				.httpRequestDecoder((decoder) -> decoder.maxInitialLineLength(MAX_REQUEST_LINE))
				.handle(this::serve)
				.bindNow(Duration.ofSeconds(30));
			this.loops = loopResources;
		}
		catch (RuntimeException ex) {
			loopResources.dispose();
			throw ex;
		}
	}

	/** Closes the server and its threads; does nothing if it is not running. */
	public synchronized void stop() {
		DisposableServer running = this.server;
		LoopResources loopResources = this.loops;
		this.server = null;
		this.loops = null;
		if (running != null) {
			running.disposeNow(Duration.ofSeconds(5));
		}
		if (loopResources != null) {
			loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

	/**
	 * Tells whether the server is bound.
	 * @return {@code true} while listening
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("The " + this.name + " simulator is not running");
		}
		return this.server.port();
	}

	private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		String uri = request.uri();
		String method = request.method().name();
		if (uri.startsWith(CONTROL_PREFIX)) {
			return body(request)
				.map((body) -> this.api
					.withRequestId(control(method, SimulatorRequest.of(method, uri, new HttpHeaders(), body))))
				.flatMap((answer) -> write(response, answer));
		}
		if (this.faults.current().down()) {
			this.stats.recordInjected();
			return close(response);
		}
		return body(request)
			.flatMap((body) -> serveVendor(SimulatorRequest.of(method, uri, headers(request), body), response));
	}

	private Mono<Void> serveVendor(SimulatorRequest request, HttpServerResponse response) {
		String operation = this.api.operation(request);
		if (operation == null) {
			return Mono.fromCallable(() -> this.api.handle(request, null)).flatMap((answer) -> write(response, answer));
		}
		this.stats.recordCall(operation);
		FaultInjector.Fault fault = this.faults.draw();
		if (fault != FaultInjector.Fault.NONE) {
			this.stats.recordInjected();
		}
		Duration latency = this.faults.latency();
		Mono<Void> delay = latency.isZero() ? Mono.empty() : Mono.delay(latency).then();
		Mono<SimulatorResponse> answer = switch (fault) {
			case DOWN -> Mono.empty();
			case TIMEOUT -> Mono.delay(this.timeoutHold).then(Mono.empty());
			case SERVER_ERROR -> Mono.fromCallable(() -> this.api.serverError(request, operation));
			case THROTTLE -> Mono.fromCallable(() -> this.api.throttled(request, operation));
			case MALFORMED -> Mono.fromCallable(() -> malformed(this.api.handle(request, operation)));
			case NONE -> Mono.fromCallable(() -> this.api.handle(request, operation));
		};
		if (fault == FaultInjector.Fault.DOWN || fault == FaultInjector.Fault.TIMEOUT) {
			return answer.then(close(response));
		}
		return delay.then(answer).onErrorResume((ex) -> {
			logger.error("The {} simulator failed on {} {}", this.name, request.method(), request.rawPath(), ex);
			return Mono.just(this.api.serverError(request, operation));
		}).flatMap((ok) -> write(response, paced(ok, latency)));
	}

	private static SimulatorResponse malformed(SimulatorResponse answer) {
		return new SimulatorResponse(200, answer.headers(), answer.body(), answer.stream()).truncated();
	}

	private SimulatorResponse control(String method, SimulatorRequest request) {
		String path = request.rawPath();
		try {
			if (path.equals("/_sim/faults") && method.equals("GET")) {
				return controlJson(200, this.faults.current());
			}
			if (path.equals("/_sim/faults") && method.equals("PUT")) {
				Map<String, Object> changes = this.json.readValue(request.body(), new TypeReference<>() {
				});
				SimulatorFaults now = this.faults.merge((changes != null) ? changes : Map.of());
				logger.info("The {} simulator now injects {}", this.name, now);
				return controlJson(200, now);
			}
			if (path.equals("/_sim/stats") && method.equals("GET")) {
				return controlJson(200, this.stats.snapshot());
			}
			if (path.equals("/_sim/reset") && method.equals("POST")) {
				this.faults.reset();
				this.stats.reset();
				this.quotas.reset();
				this.api.reset();
				return controlJson(200, Map.of("reset", true));
			}
			return controlJson(404, Map.of("error",
					"unknown control endpoint; use GET|PUT /_sim/faults, GET /_sim/stats or POST /_sim/reset"));
		}
		catch (IllegalArgumentException | IOException ex) {
			return controlJson(400, Map.of("error", String.valueOf(ex.getMessage())));
		}
	}

	private SimulatorResponse controlJson(int status, Object body) {
		return SimulatorResponse.json(status, body, this.json);
	}

	private static Mono<byte[]> body(HttpServerRequest request) {
		return request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY);
	}

	private static HttpHeaders headers(HttpServerRequest request) {
		HttpHeaders headers = new HttpHeaders();
		request.requestHeaders().forEach((entry) -> headers.add(entry.getKey(), entry.getValue()));
		return headers;
	}

	private static Mono<Void> close(HttpServerResponse response) {
		// Closing the channel before anything is written makes the client see a dropped
		// connection rather than an HTTP answer.
		return Mono.fromRunnable(() -> response.withConnection(Connection::dispose));
	}

	/**
	 * A streamed answer on a slow link: the injected latency comes again before each
	 * chunk, as a large file over a slow network arrives piece by piece.
	 */
	private static SimulatorResponse paced(SimulatorResponse answer, Duration latency) {
		Flux<byte[]> stream = answer.stream();
		if (stream == null || latency.isZero()) {
			return answer;
		}
		return new SimulatorResponse(answer.status(), answer.headers(), answer.body(), stream.delayElements(latency));
	}

	private static Mono<Void> write(HttpServerResponse response, SimulatorResponse answer) {
		response.status(answer.status());
		answer.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		Flux<byte[]> stream = answer.stream();
		if (stream != null) {
			// Chunked: the length is not known before the last chunk is produced.
			return response.sendByteArray(stream).then();
		}
		response.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(answer.body().length));
		return response.sendByteArray(Mono.just(answer.body())).then();
	}

}
