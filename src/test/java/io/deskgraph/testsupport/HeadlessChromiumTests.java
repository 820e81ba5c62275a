package io.deskgraph.testsupport;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link HeadlessChromium} drives a real browser and keeps it off the network.
 *
 * @author DeskGraph
 */
class HeadlessChromiumTests {

	@Test
	void runsScriptsAndReachesNoHostOffThisMachine() {
		ChromeDriver driver = HeadlessChromium.open(1280, 800);
		try {
			driver.get("data:text/html,<p id='p'></p><script>document.getElementById('p').textContent = 6 * 7;"
					+ "</script>");
			assertThat(driver.findElement(By.id("p")).getText()).isEqualTo("42");
			Object outcome = driver.executeAsyncScript("const done = arguments[0];"
					+ "fetch('https://cdn.jsdelivr.net/npm/chart.js').then(() => done('reached'), () => done('failed'));");
			assertThat(outcome).isEqualTo("failed");
			assertThat(driver.executeScript("return [window.innerWidth, window.innerHeight]")).asList()
				.containsExactly(1280L, 800L);
		}
		finally {
			driver.quit();
		}
	}

}
