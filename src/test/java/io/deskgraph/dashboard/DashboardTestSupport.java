package io.deskgraph.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.deskgraph.system.limits.DefaultLimitsTestSupport;
import io.deskgraph.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.core.io.ClassPathResource;

/**
 * Base of the dashboard's browser tests: one headless Chromium per test class against
 * DeskGraph in demo mode with its default limits, and the shipped operations run over
 * GraphQL to compute what the page must show.
 *
 * @author DeskGraph
 */
abstract class DashboardTestSupport extends DefaultLimitsTestSupport {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	static final List<String> PANELS = List.of("status", "ranking", "trend", "idle", "savings");

	static ChromeDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = HeadlessChromium.open(1280, 800);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	/**
	 * Keeps the vendor data DeskGraph cached from test to test (a cold dashboard drains
	 * 30 Alibaba days at the vendor's quota, about 16 s); faults and breakers are reset.
	 */
	@Override
	@BeforeEach
	protected void reset() {
		resetSimulatorsAndBreakers();
	}

	/**
	 * Forgets every cached vendor answer, for a test whose vendors answer differently.
	 */
	void forgetVendorData() {
		super.reset();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Opens the dashboard in a fresh tab state and waits until every panel has answered.
	 */
	void openDashboard() {
		browser.get(url("/"));
		browser.executeScript("sessionStorage.clear()");
		browser.navigate().refresh();
		awaitPanels();
	}

	void awaitPanels() {
		try {
			awaitSettledPanels();
		}
		catch (TimeoutException ex) {
			// The gateway and its simulators run in this JVM: where each thread stood
			// says why the page waited.
			StringBuilder dump = new StringBuilder("Panels did not settle; threads of the gateway's JVM:\n");
			Thread.getAllStackTraces().forEach((thread, stack) -> {
				dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
				for (StackTraceElement frame : stack) {
					dump.append("\tat ").append(frame).append('\n');
				}
			});
			System.err.println(dump);
			throw ex;
		}
	}

	private void awaitSettledPanels() {
		await().until((driver) -> "true".equals(body().getDomAttribute("data-ready"))
				&& PANELS.stream().allMatch((panel) -> settled(driver.findElement(By.id(panel)))));
	}

	/** A panel has answered and asks no more (no account of it is still PENDING). */
	static boolean settled(WebElement panel) {
		return "false".equals(panel.getDomAttribute("aria-busy"))
				&& !"true".equals(panel.getDomAttribute("data-pending"));
	}

	WebDriverWait await() {
		// Panels re-render as answers arrive: an element found a moment ago may be
		// replaced.
		return (WebDriverWait) new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class);
	}

	WebElement body() {
		return browser.findElement(By.tagName("body"));
	}

	WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return browser.findElements(By.cssSelector(css));
	}

	/** The period the page shows, as a DateRange variable. */
	Map<String, Object> shownPeriod() {
		WebElement period = find("#period-text");
		return Map.of("from", period.getDomAttribute("data-from"), "to", period.getDomAttribute("data-to"));
	}

	/** Runs one of the operations the page runs, as shipped. */
	Map<String, Object> operation(String name, Map<String, Object> variables) {
		return post(dashboardOperations(), name, variables);
	}

	static String dashboardOperations() {
		try {
			return new ClassPathResource("static/examples/dashboard.graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static <T> T at(Object root, String... path) {
		Object node = root;
		for (String step : path) {
			node = (node instanceof List<?> list) ? list.get(Integer.parseInt(step))
					: ((Map<String, Object>) node).get(step);
		}
		return (T) node;
	}

	static String hours(Number value) {
		return String.format(Locale.US, "%,.1f h", value.doubleValue());
	}

}
