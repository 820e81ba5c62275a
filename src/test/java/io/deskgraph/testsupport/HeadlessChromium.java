package io.deskgraph.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium headless through Debian's chromedriver for browser tests
 * (installing both when missing), with every host but the loopback unreachable, so a page
 * that works here works offline.
 *
 * @author DeskGraph
 */
public final class HeadlessChromium {

	/** Where screenshots go: under target/, kept after the build. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private HeadlessChromium() {
	}

	/**
	 * Opens a browser window of the given size.
	 * @param width the window's width in CSS pixels
	 * @param height the window's height in CSS pixels
	 * @return the driver; quit it when done
	 */
	public static ChromeDriver open(int width, int height) {
		List<Path> executables = DebianPackage.require("the browser tests (a real headless Chromium)",
				List.of("chromium", "chromium-driver"), "chromium", "chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executables.get(0).toFile());
		options.addArguments("--headless=new", "--window-size=" + width + "," + height, "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--lang=en-US",
				// Any request off this machine fails: no CDN can make a page pass here.
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
		if ("root".equals(System.getProperty("user.name"))) {
			// Chromium refuses to start as root inside its sandbox.
			options.addArguments("--no-sandbox");
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(executables.get(1).toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(60));
		resize(driver, width, height);
		return driver;
	}

	/**
	 * Makes the page's viewport exactly this size (the window's size includes the
	 * browser's own bars), as a phone when narrower than 600 pixels.
	 * @param driver the browser
	 * @param width the viewport's width in CSS pixels
	 * @param height the viewport's height in CSS pixels
	 */
	public static void resize(ChromeDriver driver, int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	/**
	 * Writes a screenshot of the window under {@link #SCREENSHOTS}.
	 * @param driver the browser
	 * @param name the file's name without extension
	 * @return the file written
	 */
	public static Path screenshot(ChromeDriver driver, String name) {
		return write(name, driver.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Writes a screenshot of the whole page, scrolled-out parts included, under
	 * {@link #SCREENSHOTS}.
	 * @param driver the browser
	 * @param name the file's name without extension
	 * @return the file written
	 */
	public static Path fullPageScreenshot(ChromeDriver driver, String name) {
		Number width = (Number) driver.executeScript("return document.documentElement.clientWidth");
		Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		return write(name, Base64.getDecoder().decode((String) shot.get("data")));
	}

	private static Path write(String name, byte[] png) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
