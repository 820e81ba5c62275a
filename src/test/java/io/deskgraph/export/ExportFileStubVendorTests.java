package io.deskgraph.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link ExportFileHandler} against a stub Huawei endpoint that answers what
 * the simulator does not: a binary file with a length, a redirect, a stalled body, an
 * expired task and a state DeskGraph does not know.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportFileStubVendorTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String PROJECT = "stubproject";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final byte[] FILE = new byte[300_000];

	private static final List<String> paths = new CopyOnWriteArrayList<>();

	private static final DisposableServer vendor = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle(ExportFileStubVendorTests::answer)
		.bindNow();

	static {
		ThreadLocalRandom.current().nextBytes(FILE);
	}

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void account(DynamicPropertyRegistry registry) {
		registry.add("deskgraph.accounts[0].id", () -> "hw-stub");
		registry.add("deskgraph.accounts[0].vendor", () -> "HUAWEI");
		registry.add("deskgraph.accounts[0].region", () -> "cn-north-4");
		registry.add("deskgraph.accounts[0].endpoint", () -> "http://127.0.0.1:" + vendor.port());
		registry.add("deskgraph.accounts[0].project-id", () -> PROJECT);
		registry.add("deskgraph.accounts[0].access-key", () -> "STUBAK");
		registry.add("deskgraph.accounts[0].secret-key", () -> "stub-secret");
		registry.add("deskgraph.huawei.response-timeout", () -> "1s");
	}

	@AfterAll
	static void stopVendor() {
		vendor.disposeNow();
	}

	@BeforeEach
	void clearPaths() {
		paths.clear();
	}

	@Test
	void binaryFileIsPassedOnByteForByteWithItsTypeNameAndLength() {
		ResponseEntity<byte[]> file = gateway().get()
			.uri("/exports/huawei:hw-stub:binary/file")
			.retrieve()
			.toEntity(byte[].class)
			.block(Duration.ofSeconds(20));
		assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo(XLSX);
		assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"usage.xlsx\"");
		assertThat(file.getHeaders().getContentLength()).isEqualTo(FILE.length);
		assertThat(file.getBody()).isEqualTo(FILE);
		assertThat(paths).containsExactly("/v2/" + PROJECT + "/export-tasks/binary/download");
	}

	@Test
	void redirectIsNotFollowedAndIsABadGateway() {
		ResponseEntity<Map<String, Object>> response = download("redirected");
		assertThat(response.getStatusCode().value()).isEqualTo(502);
		assertThat(response.getBody()).containsEntry("error", "upstream_rejected");
		assertThat((String) response.getBody().get("message")).contains("redirect");
		assertThat(paths).doesNotContain("/elsewhere");
		// Asked once, not retried, then the task list confirms the task has a file.
		assertThat(paths).containsExactly("/v2/" + PROJECT + "/export-tasks/redirected/download",
				"/v2/" + PROJECT + "/export-tasks");
	}

	@Test
	void expiredTaskIsGone() {
		ResponseEntity<Map<String, Object>> response = download("expired");
		assertThat(response.getStatusCode().value()).isEqualTo(410);
		assertThat(response.getBody()).containsEntry("error", "export_expired").containsEntry("status", "EXPIRED");
	}

	@Test
	void taskInAStateDeskGraphDoesNotKnowIsUnknownAndNotReady() {
		Map<String, Object> body = gateway().post()
			.uri("/graphql")
			.bodyValue(Map.of("query",
					"{ exportTask(id: \"huawei:hw-stub:archived\") { status vendorStatus downloadUrl } }"))
			.retrieve()
			.bodyToMono(MAP)
			.block(Duration.ofSeconds(20));
		assertThat(body).doesNotContainKey("errors");
		@SuppressWarnings("unchecked")
		Map<String, Object> task = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("exportTask");
		assertThat(task).containsEntry("status", "UNKNOWN")
			.containsEntry("vendorStatus", "ARCHIVED")
			.containsEntry("downloadUrl", null);
		ResponseEntity<Map<String, Object>> response = download("archived");
		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getBody()).containsEntry("error", "export_not_ready").containsEntry("status", "UNKNOWN");
	}

	@Test
	void vendorStallingMidFileEndsTheDownloadVisiblyTruncated() {
		assertThatThrownBy(() -> gateway().get()
			.uri("/exports/huawei:hw-stub:stalled/file")
			.retrieve()
			.bodyToMono(byte[].class)
			.block(Duration.ofSeconds(20))).isInstanceOf(WebClientException.class);
	}

	private WebClient gateway() {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.build();
	}

	private ResponseEntity<Map<String, Object>> download(String taskId) {
		return gateway().get()
			.uri("/exports/huawei:hw-stub:{task}/file", taskId)
			.exchangeToMono((response) -> response.toEntity(MAP))
			.block(Duration.ofSeconds(20));
	}

	private static Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		String path = request.fullPath();
		paths.add(path);
		String prefix = "/v2/" + PROJECT + "/export-tasks";
		if (path.equals(prefix)) {
			String taskId = request.uri().replaceAll(".*task_id=([^&]*).*", "$1");
			String status = switch (taskId) {
				case "expired" -> "EXPIRED";
				case "archived" -> "ARCHIVED";
				default -> "SUCCESS";
			};
			return json(response, 200, "{\"count\":1,\"export_tasks\":[{\"task_id\":\"" + taskId + "\",\"status\":\""
					+ status + "\",\"create_time\":\"2026-11-20T10:15:30.000Z\",\"is_download\":false}]}");
		}
		return switch (path.replace(prefix + "/", "").replace("/download", "")) {
			case "binary" -> response.status(200)
				.header(HttpHeaders.CONTENT_TYPE, XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"usage.xlsx\"")
				.header(HttpHeaders.CONTENT_LENGTH, Integer.toString(FILE.length))
				.send(Flux.range(0, FILE.length / 30_000)
					.map((chunk) -> Unpooled.wrappedBuffer(FILE, chunk * 30_000, 30_000)))
				.then();
			case "redirected" -> response.status(302).header(HttpHeaders.LOCATION, "/elsewhere").send().then();
			case "stalled" -> response.status(200)
				.header(HttpHeaders.CONTENT_TYPE, "text/csv")
				.sendString(Flux.concat(Flux.just("resource_id,resource_name\n"), Flux.never()))
				.then();
			default -> json(response, 400, "{\"error_code\":\"WKS.0004\",\"error_msg\":\"not downloadable\"}");
		};
	}

	private static Mono<Void> json(HttpServerResponse response, int status, String body) {
		return response.status(status)
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(body), StandardCharsets.UTF_8)
			.then();
	}

}
