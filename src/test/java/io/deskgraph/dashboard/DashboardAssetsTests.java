package io.deskgraph.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deskgraph.system.limits.DefaultLimitsTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over HTTP that the dashboard page and everything it loads come from the gateway
 * itself, with the right types: a page that works offline.
 *
 * @author DeskGraph
 */
class DashboardAssetsTests extends DefaultLimitsTestSupport {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]*?(?:src|href)=\"([^\"]+)\"");

	@Test
	void thePageAndEveryScriptAndStylesheetItLoadsAreServedHere() {
		ResponseEntity<String> page = get("/");
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("<title>DeskGraph dashboard</title>");
		List<String> assets = new ArrayList<>();
		Matcher asset = ASSET.matcher(page.getBody());
		while (asset.find()) {
			assets.add(asset.group(1));
		}
		assertThat(assets).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", "/dashboard/dashboard.js",
				"/dashboard/sha256.js", "/dashboard/dashboard.css");
		for (String path : assets) {
			assertThat(path).as("served by the gateway itself").startsWith("/").doesNotStartWith("//");
			ResponseEntity<String> answer = get(path);
			assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
			String type = answer.getHeaders().getContentType().toString();
			assertThat(type).as(path).matches(path.endsWith(".css") ? "text/css.*" : ".*javascript.*");
		}
	}

	@Test
	void theShippedOperationsAreServedAsUtf8Text() {
		ResponseEntity<String> operations = get("/examples/dashboard.graphql");
		assertThat(operations.getStatusCode().value()).isEqualTo(200);
		assertThat(operations.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(operations.getBody()).contains("query StatusByAccount", "mutation StartDesktopUsageExport");
	}

	private ResponseEntity<String> get(String path) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.toEntity(String.class)
			.block();
	}

}
