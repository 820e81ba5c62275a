package io.deskgraph.dashboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.deskgraph.testsupport.HeadlessChromium;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the dashboard page in a real headless Chromium against DeskGraph in demo mode
 * with its default limits: every panel shows what the public API answers for the same
 * period, the period picker, a failed vendor in place, exports, CSV, widths, keyboard and
 * colour schemes.
 *
 * @author DeskGraph
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPageTests extends DashboardTestSupport {

	@Test
	void statusCardsShowEachAccountsCountsAsTheApiAnswersThem() {
		openDashboard();
		Map<String, Object> answer = operation("StatusByAccount", Map.of());
		List<Map<String, Object>> byAccount = at(answer, "data", "desktopStatus", "byAccount");
		assertThat(byAccount).hasSize(2);
		assertThat(find("#status .estate").getDomAttribute("data-total"))
			.isEqualTo(String.valueOf(at(answer, "data", "desktopStatus", "total").toString()));
		for (Map<String, Object> status : byAccount) {
			String account = at(status, "account", "id");
			WebElement card = find("#status .card[data-account='" + account + "']");
			assertThat(card.getDomAttribute("data-state")).isEqualTo("OK");
			assertThat(card.findElement(By.cssSelector("[data-field='total']")).getText())
				.isEqualTo(String.format("%,d", ((Number) status.get("total")).intValue()));
			for (String group : List.of("run", "login", "attach")) {
				Map<String, Object> counts = at(status, group);
				for (Map.Entry<String, Object> count : counts.entrySet()) {
					assertThat(card.findElement(By.cssSelector("[data-field='" + group + "." + count.getKey() + "']"))
						.getText()).as("%s %s.%s", account, group, count.getKey())
						.isEqualTo(String.format("%,d", ((Number) count.getValue()).intValue()));
				}
			}
		}
		assertThat(find("#status-chart").getDomAttribute("role")).isEqualTo("img");
		assertThat(find("#status-chart").getDomAttribute("aria-label")).contains("Run states by account");
	}

	@Test
	void rankingShowsTheApisTopTenForTheShownPeriodWithHours() {
		openDashboard();
		Map<String, Object> period = shownPeriod();
		assertThat(period.get("to")).isEqualTo(latestToday().toString());
		assertThat(java.time.LocalDate.parse((String) period.get("from")))
			.isEqualTo(java.time.LocalDate.parse((String) period.get("to")).minusDays(29));
		assertRankingShows(period, "DESKTOP", 10);
		for (WebElement row : findAll("#ranking-table tbody tr")) {
			assertThat(row.findElements(By.tagName("td")).get(3).getText()).endsWith(" h");
		}
	}

	@Test
	void periodPickerAndDimensionChangeTheRanking() {
		openDashboard();
		List<String> thirtyDays = rankingSeconds();
		new Select(find("#period")).selectByValue("7");
		Map<String, Object> lastWeek = Map.of("from", latestToday().minusDays(6).toString(), "to",
				latestToday().toString());
		await().until((driver) -> lastWeek.get("from").equals(find("#ranking-table").getDomAttribute("data-from")));
		awaitPanels();
		assertThat(shownPeriod()).isEqualTo(lastWeek);
		assertRankingShows(lastWeek, "DESKTOP", 10);
		assertThat(rankingSeconds()).isNotEqualTo(thirtyDays);

		new Select(find("#ranking-by")).selectByValue("USER");
		await().until((driver) -> "USER".equals(find("#ranking-table").getDomAttribute("data-by")));
		assertRankingShows(lastWeek, "USER", 10);

		new Select(find("#period")).selectByValue("custom");
		WebElement from = find("#from");
		assertThat(from.getDomProperty("value")).isEqualTo(lastWeek.get("from"));
		String customFrom = latestToday().minusDays(3).toString();
		browser.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", from, customFrom);
		await().until((driver) -> customFrom.equals(find("#ranking-table").getDomAttribute("data-from")));
		assertRankingShows(Map.of("from", customFrom, "to", latestToday().toString()), "USER", 10);
	}

	@Test
	void trendShowsTheEstatesDailyHoursAndTheTopDesktopsAsTheApiAnswersThem() {
		openDashboard();
		Map<String, Object> period = shownPeriod();
		assertThat(find("#trend-estate").getDomAttribute("data-from")).isEqualTo(period.get("from"));
		Map<String, Object> trend = at(operation("UsageTrend", Map.of("range", period)), "data", "usageTrend");
		List<Map<String, Object>> points = at(trend, "points");
		assertThat(points).isNotEmpty();
		List<WebElement> rows = findAll("#trend-estate-table tbody tr");
		Map<String, String> shown = new LinkedHashMap<>();
		for (WebElement row : rows) {
			shown.put(row.getDomAttribute("data-date"),
					row.findElements(By.tagName("td")).get(0).getDomAttribute("data-seconds"));
		}
		Map<String, String> expected = new LinkedHashMap<>();
		for (Map<String, Object> point : points) {
			expected.put((String) point.get("date"), String.valueOf(at(point, "duration", "seconds").toString()));
		}
		assertThat(shown).isEqualTo(expected);
		assertThat(find("#trend-estate-chart").getDomAttribute("aria-label"))
			.contains(hours(at(trend, "total", "hours")));

		Map<String, Object> top = operation("TopDesktopsTrend", Map.of("range", period, "first", 5));
		List<Map<String, Object>> desktops = at(top, "data", "usageRanking", "edges");
		List<WebElement> headings = findAll("#trend-top-table thead th");
		assertThat(headings).hasSize(desktops.size() + 1);
		for (int i = 0; i < desktops.size(); i++) {
			Map<String, Object> desktop = at(desktops.get(i), "node", "desktop");
			Object name = (desktop.get("name") != null) ? desktop.get("name") : desktop.get("id");
			// The table sits in a closed details element: its text is there, not
			// displayed.
			assertThat(headings.get(i + 1).getDomProperty("textContent")).isEqualTo(name);
			long sum = 0;
			for (WebElement row : findAll("#trend-top-table tbody tr")) {
				sum += Long.parseLong(row.findElements(By.tagName("td")).get(i).getDomAttribute("data-seconds"));
			}
			assertThat(sum).isEqualTo(((Number) at(desktop, "usage", "total", "seconds")).longValue());
		}
	}

	@Test
	void aPeriodLongerThanThirtyDaysCutsTheTrendToItsLastThirtyAndSaysSo() {
		openDashboard();
		new Select(find("#period")).selectByValue("90");
		String from = latestToday().minusDays(89).toString();
		await().until((driver) -> from.equals(find("#ranking-table").getDomAttribute("data-from")));
		awaitPanels();
		String trendFrom = latestToday().minusDays(29).toString();
		assertThat(find("#trend-estate").getDomAttribute("data-from")).isEqualTo(trendFrom);
		assertThat(find("#trend-cut").getText()).contains("last 30 days of the period").contains("vendor-call budget");
		assertThat(findAll("#trend-estate-table tbody tr")).hasSize(30);
		assertThat(find("#trend .state").getText()).isEmpty();
		assertRankingShows(Map.of("from", from, "to", latestToday().toString()), "DESKTOP", 10);
	}

	@Test
	void savingsShowTheApisCostsPerCurrencyAndTheLargestSavingsFirst() {
		openDashboard();
		Map<String, Object> period = shownPeriod();
		Map<String, Object> summary = at(operation("CostSummary", Map.of("range", period)), "data", "costSummary");
		assertThat(find("#savings-example").getText()).contains("EXAMPLE PRICES");
		assertThat(find("#savings .estate").getDomAttribute("data-desktops"))
			.isEqualTo(summary.get("desktops").toString());
		List<Map<String, Object>> currencies = at(summary, "currencies");
		assertThat(currencies).hasSizeGreaterThanOrEqualTo(2);
		for (Map<String, Object> currency : currencies) {
			WebElement row = find("#savings-currencies tr[data-currency='" + currency.get("currency") + "']");
			for (String field : List.of("monthlyCost", "advisedMonthlyCost", "monthlySaving")) {
				WebElement cell = row.findElement(By.cssSelector("[data-field='" + field + "']"));
				assertThat(cell.getDomAttribute("data-amount")).isEqualTo(at(currency, field, "amount"));
				assertThat(cell.getDomAttribute("data-currency")).isEqualTo(currency.get("currency"));
			}
		}
		List<Map<String, Object>> byRecommendation = at(summary, "byRecommendation");
		assertThat(findAll("#savings-recommendations tbody tr").stream()
			.map((row) -> row.getDomAttribute("data-recommendation"))).containsExactlyElementsOf(
					byRecommendation.stream().map((entry) -> (String) entry.get("recommendation")).toList());

		assertThat(adviceShown()).isEqualTo(adviceOf(period, 20));
		find("#savings-more").click();
		await().until((driver) -> findAll("#savings-advice tbody tr").size() == 40);
		assertThat(adviceShown()).isEqualTo(adviceOf(period, 40));
	}

	@Test
	void idleTableListsTheApisIdleDesktopsSortsByKeyboardAndDownloadsAsCsv() throws Exception {
		openDashboard();
		WebElement table = find("#idle-table");
		String since = table.getDomAttribute("data-since");
		Set<String> expected = new java.util.HashSet<>();
		String after = null;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("since", since, "first", 100));
			if (after != null) {
				variables.put("after", after);
			}
			Map<String, Object> page = at(operation("IdleDesktops", variables), "data", "idleDesktops");
			List<Map<String, Object>> edges = at(page, "edges");
			edges.forEach((edge) -> expected.add(at(edge, "node", "desktop", "id")));
			after = Boolean.TRUE.equals(at(page, "pageInfo", "hasNextPage")) ? at(page, "pageInfo", "endCursor") : null;
		}
		while (after != null);
		assertThat(expected).isNotEmpty();
		Set<String> shown = findAll("#idle-table tbody tr").stream()
			.map((row) -> row.getDomAttribute("data-id"))
			.collect(Collectors.toSet());
		assertThat(shown).isEqualTo(expected);

		WebElement nameHeading = find("#idle-table button[data-sort='name']");
		nameHeading.sendKeys(Keys.ENTER);
		await().until((driver) -> "ascending".equals(find("#idle-table th:first-child").getDomAttribute("aria-sort")));
		List<String> names = columnTexts("#idle-table", 0);
		assertThat(names).isSortedAccordingTo(String::compareTo);
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		await().until((driver) -> "descending".equals(find("#idle-table th:first-child").getDomAttribute("aria-sort")));
		assertThat(columnTexts("#idle-table", 0)).isSortedAccordingTo((a, b) -> b.compareTo(a));

		Path downloads = Files.createDirectories(Path.of("target", "downloads", "idle-" + System.nanoTime()));
		browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
		find("#idle-csv").click();
		await().until((driver) -> csvIn(downloads) != null);
		List<String> lines = Files.readAllLines(csvIn(downloads), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("id,vendor,accountId,nativeId,name,createdAt,lastDisconnectedAt");
		assertThat(lines.subList(1, lines.size()).stream().map((line) -> line.substring(0, line.indexOf(','))))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	// Last: it empties DeskGraph's caches, which every other test reuses.
	void aVendorTakenDownShowsFailedInPlaceWhileTheOtherVendorsDataStays() {
		// Nothing cached: a failed vendor with cached data is STALE, not FAILED.
		forgetVendorData();
		WebClient.create(this.alibaba.baseUrl())
			.put()
			.uri("/_sim/faults")
			.bodyValue(Map.of("down", true))
			.retrieve()
			.toBodilessEntity()
			.block();
		openDashboard();
		WebElement alibabaCard = find("#status .card[data-account='alibaba-demo']");
		assertThat(alibabaCard.getDomAttribute("data-state")).isEqualTo("FAILED");
		assertThat(alibabaCard.getDomAttribute("class")).contains("failed-part");
		assertThat(alibabaCard.getText()).contains("No counts:");
		WebElement huaweiCard = find("#status .card[data-account='huawei-demo']");
		assertThat(huaweiCard.getDomAttribute("data-state")).isEqualTo("OK");
		assertThat(huaweiCard.findElement(By.cssSelector("[data-field='total']")).getText()).isNotBlank();

		WebElement strip = find("#source-list li[data-account='alibaba-demo']");
		assertThat(strip.getDomAttribute("data-state")).isEqualTo("FAILED");
		assertThat(find("#source-list li[data-account='huawei-demo']").getDomAttribute("data-state")).isEqualTo("OK");
		assertThat(find("#source-list li[data-account='huawei-demo']").getText()).contains("fetched");

		assertThat(find("#ranking .source-notes li[data-account='alibaba-demo']").getText()).contains("FAILED");
		List<WebElement> rows = findAll("#ranking-table tbody tr");
		assertThat(rows).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.getDomAttribute("data-id")).startsWith("huawei:huawei-demo:"));
		assertThat(find("#trend .source-notes li[data-account='alibaba-demo']").getText()).contains("FAILED");
		assertThat(findAll("#trend-estate-table tbody tr")).isNotEmpty();
		assertThat(find("#idle .source-notes li[data-account='alibaba-demo']").getText()).contains("FAILED");
		assertThat(find("#savings .source-notes li[data-account='alibaba-demo']").getText()).contains("FAILED");
		assertThat(findAll("#savings-advice tbody tr")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.getDomAttribute("data-id")).startsWith("huawei:huawei-demo:"));
		assertThat(findAll("#idle-table tbody tr")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.getDomAttribute("data-id")).startsWith("huawei:"));
		HeadlessChromium.screenshot(browser, "dashboard-alibaba-down-1280");
	}

	@Test
	void anExportStartsFromThePageAndItsFileDownloadsWithThePagesCredentials() {
		openDashboard();
		new Select(find("#export-account")).selectByValue("huawei-demo");
		find("#export-start").click();
		await().until((driver) -> "SUCCESS".equals(find("#export-table tbody tr").getDomAttribute("data-status")));
		WebElement download = find("#export-table tbody tr .file button");
		assertThat(download.getText()).startsWith("Download DesktopUsageMetric_").endsWith(".csv");
		String taskId = find("#export-table tbody tr").getDomAttribute("data-id");
		Map<String, Object> task = at(operation("ExportTask", Map.of("id", taskId)), "data", "exportTask");
		assertThat(download.getDomAttribute("data-url")).isEqualTo(task.get("downloadUrl"));
		byte[] file = WebClient.create(url(""))
			.get()
			.uri((String) task.get("downloadUrl"))
			.retrieve()
			.bodyToMono(byte[].class)
			.block();
		download.click();
		await().until((driver) -> download.getDomAttribute("data-bytes") != null);
		assertThat(download.getDomAttribute("data-bytes")).isEqualTo(String.valueOf(file.length));
		assertThat(find("#exports .state").getText()).contains("Downloaded");
	}

	@Test
	void thePageSendsPersistedQueriesOnlyAndLoadsNothingFromOtherHosts() throws Exception {
		openDashboard();
		// Every operation the page ran is stored under its hash: a hash-only request
		// answers it.
		String document = dashboardOperations();
		String status = document.substring(document.indexOf("query StatusByAccount"));
		status = status.substring(0, status.indexOf("\n}\n") + 2);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(status.getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> answer = WebClient.create(url(""))
			.post()
			.uri("/graphql")
			.bodyValue(Map.of("operationName", "StatusByAccount", "extensions",
					Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.retrieve()
			.bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		assertThat(answer).as("%s", answer).doesNotContainKey("errors");
		// The page hashes with crypto.subtle here (localhost is a secure origin);
		// plain-http hosts use its own SHA-256.
		assertThat(browser.executeScript("return window.deskgraphSha256(arguments[0])", status)).isEqualTo(hash);
		assertThat((Object) at(answer, "data", "desktopStatus", "total")).isNotNull();
		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) browser
			.executeScript("return performance.getEntriesByType('resource').map((e) => e.name)");
		assertThat(resources).isNotEmpty().allSatisfy((resource) -> assertThat(resource).startsWith(url("/")));
		assertThat(resources).anySatisfy((resource) -> assertThat(resource).contains("/webjars/chart.js/"));
	}

	@Test
	void atPhoneWidthPanelsStackWithoutSidewaysScrolling() {
		try {
			HeadlessChromium.resize(browser, 390, 844);
			openDashboard();
			assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo(390L);
			WebElement status = find("#status");
			WebElement ranking = find("#ranking");
			assertThat(ranking.getRect().getY())
				.isGreaterThan(status.getRect().getY() + status.getRect().getHeight() - 1);
			assertThat(status.getRect().getWidth()).isEqualTo(ranking.getRect().getWidth());
			HeadlessChromium.screenshot(browser, "dashboard-390");
		}
		finally {
			HeadlessChromium.resize(browser, 1280, 800);
		}
		openDashboard();
		WebElement status = find("#status");
		WebElement ranking = find("#ranking");
		assertThat(ranking.getRect().getY()).isEqualTo(status.getRect().getY());
		assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(1280L);
		HeadlessChromium.screenshot(browser, "dashboard-1280");
		HeadlessChromium.fullPageScreenshot(browser, "dashboard-1280-full");
	}

	@Test
	void everyControlIsReachableByKeyboardAndChartsHaveTextAlternatives() {
		openDashboard();
		body().sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getDomAttribute("class")).isEqualTo("skip");
		Set<String> reached = new java.util.LinkedHashSet<>();
		Set<String> expected = Set.of("period", "refresh", "ranking-by", "ranking-first", "idle-days", "idle-csv",
				"export-account", "export-start", "input:null:HUAWEI", "input:null:ALIBABA", "input:null:huawei-demo",
				"input:null:alibaba-demo", "button:name:null", "button:lastDisconnectedAt:null", "savings-more");
		for (int i = 0; i < 400 && !reached.containsAll(expected); i++) {
			WebElement active = browser.switchTo().activeElement();
			String id = active.getDomAttribute("id");
			reached.add((id != null) ? id : active.getTagName() + ":" + active.getDomAttribute("data-sort") + ":"
					+ active.getDomAttribute("value"));
			active.sendKeys(Keys.TAB);
		}
		assertThat(reached).containsAll(expected);
		for (WebElement canvas : findAll("canvas")) {
			assertThat(canvas.getDomAttribute("role")).isEqualTo("img");
			assertThat(canvas.getDomAttribute("aria-label")).hasSizeGreaterThan(20);
		}
		assertThat(findAll("canvas")).hasSize(4);
	}

	@Test
	void darkModeFollowsTheSystemPreference() {
		openDashboard();
		String light = backgroundColour();
		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		try {
			await().until((driver) -> !backgroundColour().equals(light));
			assertThat(backgroundColour()).isEqualTo("rgb(15, 19, 25)");
			HeadlessChromium.screenshot(browser, "dashboard-dark-1280");
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		}
		assertThat(light).isEqualTo("rgb(245, 246, 248)");
	}

	// ---- helpers

	private String backgroundColour() {
		return (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
	}

	private java.time.LocalDate latestToday() {
		return this.alibaba.estate().today().isAfter(today()) ? this.alibaba.estate().today() : today();
	}

	private List<String> adviceOf(Map<String, Object> period, int first) {
		List<Map<String, Object>> edges = at(operation("BillingAdvice", Map.of("range", period, "first", first)),
				"data", "billingAdvice", "edges");
		return edges.stream().map((edge) -> {
			Map<String, Object> saving = at(edge, "node", "monthlySaving");
			return at(edge, "node", "desktop", "id") + " " + at(edge, "node", "recommendation") + " "
					+ ((saving != null) ? saving.get("amount") + " " + saving.get("currency") : "");
		}).toList();
	}

	private List<String> adviceShown() {
		return findAll("#savings-advice tbody tr").stream().map((row) -> {
			WebElement saving = row.findElement(By.cssSelector("[data-field='monthlySaving']"));
			String amount = saving.getDomAttribute("data-amount");
			return row.getDomAttribute("data-id") + " " + row.getDomAttribute("data-recommendation") + " "
					+ (amount.isEmpty() ? "" : amount + " " + saving.getDomAttribute("data-currency"));
		}).toList();
	}

	private void assertRankingShows(Map<String, Object> period, String by, int first) {
		Map<String, Object> answer = operation("UsageRanking", Map.of("range", period, "by", by, "first", first));
		List<Map<String, Object>> edges = at(answer, "data", "usageRanking", "edges");
		assertThat(edges).isNotEmpty();
		List<String> expected = new ArrayList<>();
		for (Map<String, Object> edge : edges) {
			Object id = "USER".equals(by) ? at(edge, "node", "userName") : at(edge, "node", "desktop", "id");
			expected.add(id + "=" + at(edge, "node", "duration", "seconds"));
		}
		List<String> shown = findAll("#ranking-table tbody tr").stream()
			.map((row) -> row.getDomAttribute("data-id") + "=" + row.getDomAttribute("data-seconds"))
			.toList();
		assertThat(shown).isEqualTo(expected);
		WebElement table = find("#ranking-table");
		assertThat(table.getDomAttribute("data-from")).isEqualTo(period.get("from"));
		assertThat(table.getDomAttribute("data-to")).isEqualTo(period.get("to"));
	}

	private List<String> rankingSeconds() {
		return findAll("#ranking-table tbody tr").stream().map((row) -> row.getDomAttribute("data-seconds")).toList();
	}

	private List<String> columnTexts(String table, int column) {
		return findAll(table + " tbody tr").stream()
			.map((row) -> row.findElements(By.tagName("td")).get(column).getText())
			.toList();
	}

	private static Path csvIn(Path directory) {
		try (var files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".csv")).findFirst().orElse(null);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	static {
		// Keep Selenium's own HTTP client quiet about the CDP versions it does not bind.
		java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
	}

}
