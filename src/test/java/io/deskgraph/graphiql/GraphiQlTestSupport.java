package io.deskgraph.graphiql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks shared by the GraphiQL tests: the page's assets over HTTP and GraphiQL driven in
 * a browser.
 *
 * @author DeskGraph
 */
final class GraphiQlTestSupport {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)\\b[^>]*\\b(?:src|href)=\"([^\"]*)\"");

	private static final Duration BROWSER_WAIT = Duration.ofSeconds(30);

	private GraphiQlTestSupport() {
	}

	static String page(WebTestClient client) {
		return client.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The URL of every script and stylesheet of the page.
	 */
	static List<String> assets(String html) {
		List<String> urls = new ArrayList<>();
		Matcher matcher = ASSET.matcher(html);
		while (matcher.find()) {
			urls.add(matcher.group(1));
		}
		return urls;
	}

	/**
	 * Asserts that every script and stylesheet of the page comes from this server (a
	 * path, not a URL naming a host) and is served, anonymously, as JavaScript or CSS; a
	 * WebJar version the page names but the jar lacks fails here.
	 */
	static void assertAssetsServed(WebTestClient client, String html) {
		List<String> urls = assets(html);
		assertThat(urls).hasSize(4).allSatisfy((url) -> assertThat(url).startsWith("/").doesNotStartWith("//"));
		for (String url : urls) {
			MediaType expected = url.endsWith(".css") ? MediaType.valueOf("text/css")
					: MediaType.valueOf("text/javascript");
			client.get()
				.uri(url)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as("Status of %s", url).isEqualTo(200))
				.expectHeader()
				.value("Content-Type",
						(type) -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(expected))
							.as("Content-Type of %s", url)
							.isTrue());
		}
	}

	/** Waits until GraphiQL has rendered its editors. */
	static void awaitEditor(ChromeDriver driver) {
		new WebDriverWait(driver, BROWSER_WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-query-editor .CodeMirror")));
	}

	/**
	 * Puts the query in GraphiQL's query editor, runs it with the execute button and
	 * returns the text the response pane then shows.
	 */
	static String run(ChromeDriver driver, String query, String... expected) {
		// Set through CodeMirror, as typed keys would meet its bracket closing and hints.
		driver.executeScript(
				"document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
				query);
		driver.findElement(By.cssSelector("button.graphiql-execute-button")).click();
		By response = By.cssSelector(".graphiql-response");
		new WebDriverWait(driver, BROWSER_WAIT).until((browser) -> {
			String text = browser.findElement(response).getText();
			for (String part : expected) {
				if (!text.contains(part)) {
					return false;
				}
			}
			return true;
		});
		return driver.findElement(response).getText();
	}

}
