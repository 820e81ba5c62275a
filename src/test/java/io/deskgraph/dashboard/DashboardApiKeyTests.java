package io.deskgraph.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the dashboard in a real headless Chromium when the gateway asks for API keys: the
 * page asks for one, says when it is refused, works once a valid one is given, and keeps
 * it in the tab's session storage only.
 *
 * @author DeskGraph
 */
@TestPropertySource(properties = { "deskgraph.security.api-keys[0].name=analyst",
		"deskgraph.security.api-keys[0].key=" + DashboardApiKeyTests.KEY })
class DashboardApiKeyTests extends DashboardTestSupport {

	static final String KEY = "dashboard-analyst-key-0123456789";

	@Test
	void thePageAsksForAKeySaysWhenItIsRefusedAndWorksWithAValidOne() {
		browser.get(url("/"));
		browser.executeScript("sessionStorage.clear(); localStorage.clear()");
		browser.navigate().refresh();
		WebElement auth = find("#auth");
		await().until((driver) -> auth.isDisplayed());
		assertThat(find("#auth-message").getText()).contains("API key");
		assertThat(body().getDomAttribute("data-ready")).isNull();

		enterKey("not-the-key");
		await().until((driver) -> find("#auth-message").getText().contains("refused"));
		assertThat(find("#auth").isDisplayed()).isTrue();

		enterKey(KEY);
		awaitPanels();
		assertThat(find("#auth").isDisplayed()).isFalse();
		assertThat(find("#status .estate").getDomAttribute("data-total")).isNotBlank();
		assertThat(findAll("#ranking-table tbody tr")).hasSize(10);
		assertThat(browser.executeScript("return sessionStorage.getItem('deskgraph.apiKey')")).isEqualTo(KEY);
		assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
		assertThat(browser.executeScript("return document.cookie")).isEqualTo("");
	}

	private void enterKey(String key) {
		WebElement field = find("#api-key");
		field.clear();
		field.sendKeys(key);
		find("#auth-form button[type='submit']").click();
	}

}
