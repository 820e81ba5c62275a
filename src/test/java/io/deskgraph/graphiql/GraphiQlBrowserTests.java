package io.deskgraph.graphiql;

import java.time.Duration;

import io.deskgraph.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GraphiQlPage} in headless Chromium, which reaches no host but this
 * one: GraphiQL renders, loads the schema and runs a query offline.
 *
 * @author DeskGraph
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deskgraph.simulator.huawei.port=0", "deskgraph.simulator.alibaba.port=0" })
@ActiveProfiles("unthrottled")
class GraphiQlBrowserTests {

	@LocalServerPort
	private int port;

	@Test
	void runsAQueryOffline() {
		ChromeDriver driver = HeadlessChromium.open(1280, 800);
		try {
			driver.get("http://localhost:" + this.port + "/graphiql");
			assertThat(driver.getTitle()).isEqualTo("DeskGraph GraphiQL");
			GraphiQlTestSupport.awaitEditor(driver);
			// Without API keys there is nothing to enter.
			assertThat(driver.findElement(By.id("api-key-field")).isDisplayed()).isFalse();
			String response = GraphiQlTestSupport.run(driver, "{ accounts { id vendor } }", "huawei-demo",
					"alibaba-demo");
			assertThat(response).contains("HUAWEI", "ALIBABA").doesNotContain("errors");
			HeadlessChromium.screenshot(driver, "graphiql-1280");
		}
		finally {
			driver.quit();
		}
	}

	@Test
	void loadsTheSchemaForTheDocumentationExplorer() {
		ChromeDriver driver = HeadlessChromium.open(1280, 800);
		try {
			driver.get("http://localhost:" + this.port + "/graphiql");
			GraphiQlTestSupport.awaitEditor(driver);
			driver.findElement(By.cssSelector("[aria-label='Show Documentation Explorer']")).click();
			// The root type is listed once the introspection query has been answered.
			new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector(".graphiql-doc-explorer"), "query: Query"));
		}
		finally {
			driver.quit();
		}
	}

}
