package io.deskgraph.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the dashboard says clearly, in a real headless Chromium, when the gateway's
 * per-client rate limit answers HTTP 429, and when to try again.
 *
 * @author DeskGraph
 */
@TestPropertySource(
		properties = { "deskgraph.security.rate-limit.requests-per-second=1", "deskgraph.security.rate-limit.burst=3" })
class DashboardRateLimitTests extends DashboardTestSupport {

	@Test
	void a429IsShownWithWhenToTryAgain() {
		browser.get(url("/"));
		await().until((driver) -> find("#notice").isDisplayed());
		assertThat(find("#notice").getText()).startsWith("Too many requests").containsPattern("Try again in \\d+ s\\.");
		await().until((driver) -> PANELS.stream()
			.anyMatch((panel) -> find("#" + panel + " .state").getText().startsWith("Too many requests")));
	}

}
