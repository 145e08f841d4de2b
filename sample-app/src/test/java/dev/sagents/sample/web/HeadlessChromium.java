package dev.sagents.sample.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium ({@code chromium} and {@code chromium-driver}), driven by Selenium
 * from the paths the packages install, so nothing is downloaded. {@code .ci/run} installs them
 * when missing and sets {@code CI}: there a missing browser fails the test; elsewhere the test is
 * skipped with a message saying what to install.
 */
final class HeadlessChromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** Skips the calling test (fails it under CI) unless both the browser and its driver are installed. */
	static void assumeInstalled() {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		String missing = "Headless Chromium is not installed (" + BROWSER + ", " + DRIVER
				+ "): apt-get install -y chromium chromium-driver";
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException(missing + "; .ci/run installs them, so CI never skips this test");
		}
		Assumptions.assumeTrue(installed, missing + ", or run .ci/run; skipping the browser test");
	}

	/** A new browser, 1280×1000, headless, with the page load and script timeouts bounded. */
	static ChromeDriver start() {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
