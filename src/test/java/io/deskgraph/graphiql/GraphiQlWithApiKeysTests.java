package io.deskgraph.graphiql;

import io.deskgraph.system.security.ApiKeyAuthentication;
import io.deskgraph.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GraphiQlPage} with API keys configured: the page and its assets stay
 * anonymous, queries need the key, and the key entered on the page is kept in the tab's
 * sessionStorage only.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0",
				"deskgraph.security.api-keys[0].name=graphiql-user",
				"deskgraph.security.api-keys[0].key=" + GraphiQlWithApiKeysTests.KEY })
@ActiveProfiles("unthrottled")
class GraphiQlWithApiKeysTests {

	static final String KEY = "gq-3c9e1f7a5b2d4e6f8a0b1c2d3e4f5a6b";

	private static final String QUERY = "{\"query\":\"{ accounts { id } }\"}";

	@Autowired
	private WebTestClient webTestClient;

	@LocalServerPort
	private int port;

	@Test
	void pageAndAssetsNeedNoKeyButQueriesDo() {
		String html = GraphiQlTestSupport.page(this.webTestClient);
		assertThat(html).contains("data-api-keys=\"true\"").contains("X-API-Key");
		GraphiQlTestSupport.assertAssetsServed(this.webTestClient, html);
		this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.webTestClient.post()
			.uri("/graphql")
			.header(ApiKeyAuthentication.HEADER, KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(QUERY)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void keyEnteredOnThePageIsSentAndKeptOutOfLocalStorage() {
		ChromeDriver driver = HeadlessChromium.open(1280, 800);
		try {
			driver.get("http://localhost:" + this.port + "/graphiql");
			GraphiQlTestSupport.awaitEditor(driver);
			assertThat(GraphiQlTestSupport.run(driver, "{ accounts { id } }", "HTTP 401"))
				.doesNotContain("huawei-demo");
			WebElement keyInput = driver.findElement(By.id("api-key"));
			assertThat(keyInput.isDisplayed()).isTrue();
			keyInput.sendKeys(KEY, Keys.TAB);
			GraphiQlTestSupport.run(driver, "{ accounts { id vendor } }", "huawei-demo", "alibaba-demo");
			assertThat(driver.executeScript("return sessionStorage.getItem('deskgraph.api-key')")).isEqualTo(KEY);
			assertThat(driver.executeScript("return JSON.stringify(Object.assign({}, localStorage))")).asString()
				.contains("accounts")
				.doesNotContain(KEY);
			// The key outlives a reload of the tab.
			driver.navigate().refresh();
			GraphiQlTestSupport.awaitEditor(driver);
			assertThat(driver.findElement(By.id("api-key")).getDomProperty("value")).isEqualTo(KEY);
		}
		finally {
			driver.quit();
		}
	}

}
