package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny local HTTP server that records every request and answers with canned responses,
 * for tests of what the Alibaba connector sends and how it reads answers.
 *
 * @author DeskGraph
 */
final class AlibabaStubServer implements AutoCloseable {

	private final BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();

	private final List<Captured> all = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	private volatile Function<Captured, Answer> answers = (request) -> Answer.json(200, "{}");

	AlibabaStubServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						HttpHeaders headers = new HttpHeaders();
						request.requestHeaders().forEach((entry) -> headers.add(entry.getKey(), entry.getValue()));
						Captured call = new Captured(request.method().name(), request.uri(), headers, body);
						this.captured.add(call);
						this.all.add(call);
						Answer answer = this.answers.apply(call);
						Mono<Void> send = response.status(HttpResponseStatus.valueOf(answer.status()))
							.headers(answer.headers())
							.sendString(Mono.just(answer.body()))
							.then();
						return (answer.delay() != null) ? Mono.delay(answer.delay()).then(send) : send;
					}))
			.bindNow();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	int port() {
		return this.server.port();
	}

	void answer(Function<Captured, Answer> answers) {
		this.answers = answers;
	}

	Captured take() throws InterruptedException {
		Captured request = this.captured.poll(5, TimeUnit.SECONDS);
		assertThat(request).as("request reached the server").isNotNull();
		return request;
	}

	List<Captured> requests() {
		return List.copyOf(this.all);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A request as it arrived.
	 *
	 * @param method the method
	 * @param uri the path and query as sent
	 * @param headers the headers
	 * @param body the body
	 */
	record Captured(String method, String uri, HttpHeaders headers, String body) {

		/**
		 * The decoded value of a query parameter.
		 * @param name the parameter
		 * @return the value, or {@code null}
		 */
		String param(String name) {
			int query = this.uri.indexOf('?');
			return (query < 0) ? null : AlibabaSignerTests.decode(this.uri.substring(query + 1)).get(name);
		}

	}

	/**
	 * A canned answer.
	 *
	 * @param status the HTTP status
	 * @param headers extra headers
	 * @param body the body
	 * @param delay how long to wait before answering, or {@code null}
	 */
	record Answer(int status, io.netty.handler.codec.http.HttpHeaders headers, String body, Duration delay) {

		static Answer json(int status, String body) {
			return new Answer(status, new io.netty.handler.codec.http.DefaultHttpHeaders().add("Content-Type",
					"application/json;charset=utf-8"), body, null);
		}

		Answer header(String name, String value) {
			this.headers.add(name, value);
			return this;
		}

		Answer delayed(Duration delay) {
			return new Answer(this.status, this.headers, this.body, delay);
		}

	}

}
