package dev.sagents.sample.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium, {@link HeadlessChromium}) on two sample-app
 * JVMs in horde mode ({@link SampleAppCluster}) with {@code SAGENTS_DASHBOARD_ENABLED=true}: the
 * page of node 1 shows both nodes alive, finds an agent started through the sample API on node 2,
 * and, once node 2 is killed (SIGKILL), shows the agent on node 1 and node 2 gone — updated by its
 * event stream, with no reload. Screenshots are in {@code target/dashboard-it/}, beside each
 * node's log.
 */
@TestInstance(Lifecycle.PER_CLASS)
class DashboardIT {

	private static final Path WORK_DIRECTORY = Path.of("target", "dashboard-it").toAbsolutePath();

	/** The page is updated at each refresh (a quarter second here); this bound only keeps a broken run finite. */
	private static final Duration PAGE = Duration.ofSeconds(30);

	private SampleAppCluster cluster;

	private ChromeDriver browser;

	@BeforeAll
	void start() {
		HeadlessChromium.assumeInstalled();
		this.cluster = new SampleAppCluster("dashboard-it", 2, WORK_DIRECTORY,
				Map.of("SAGENTS_DASHBOARD_ENABLED", "true", "SAGENTS_DASHBOARD_REFRESHINTERVAL", "250ms"), Set.of());
		this.browser = HeadlessChromium.start();
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void thePageShowsWhereAnAgentRunsAndThatItMovesWhenItsNodeIsKilled() throws IOException {
		SampleAppNode viewer = this.cluster.node(1);
		SampleAppNode killed = this.cluster.node(2);
		String agent = startAnAgentOn(killed, viewer);
		this.browser.get(viewer.api().url("/sagents/"));
		waitFor("both nodes alive in every instance", (page) -> members(page).containsAll(
				List.of("n1 alive", "n2 alive")) && members(page).size() == 6);
		search(agent);
		waitFor(agent + " located on " + killed.name(), (page) -> located(page).equals(killed.name()));
		waitFor(agent + " listed under " + killed.name(), (page) -> agentsOf(page, killed.name()).contains(agent));
		screenshot("dashboard-before-kill.png");

		killed.kill();

		waitFor(agent + " located on " + viewer.name() + " after the kill", FAILOVER,
				(page) -> located(page).equals(viewer.name()));
		waitFor(agent + " listed under " + viewer.name(), FAILOVER,
				(page) -> agentsOf(page, viewer.name()).contains(agent));
		waitFor(killed.name() + " gone from every instance", FAILOVER,
				(page) -> members(page).stream().noneMatch((member) -> member.startsWith(killed.name() + " alive")));
		assertThat(this.browser.findElement(By.id("connection")).getText()).isEqualTo("live");
		screenshot("dashboard-after-kill.png");
	}

	/**
	 * Starts agents {@code dash-0}, {@code dash-1}… through the sample API of {@code via} until
	 * one is placed on {@code host}, and returns its id.
	 */
	private static String startAnAgentOn(SampleAppNode host, SampleAppNode via) {
		return IntStream.range(0, 64).mapToObj((index) -> "dash-" + index).filter((id) -> {
			assertThat(via.api().send("PUT", "/api/agents/" + id, "").status()).as("start of %s", id).isIn(200, 201);
			return via.api().get("/api/agents/" + id).text("node").equals(host.name());
		}).findFirst().orElseThrow(() -> new AssertionError("None of 64 agents was placed on " + host.name()));
	}

	private void search(String id) {
		this.browser.findElement(By.id("search-id")).sendKeys(id);
		this.browser.findElement(By.id("search-button")).click();
	}

	/** The node the page says the searched agent runs on, empty while it says none. */
	private static String located(WebDriver page) {
		String node = page.findElement(By.id("location")).getDomAttribute("data-node");
		return (node != null) ? node : "";
	}

	/** The ids the page lists under {@code node} in its table of agents per node. */
	private static List<String> agentsOf(WebDriver page, String node) {
		return page.findElements(By.cssSelector("#agents tbody tr"))
			.stream()
			.filter((row) -> node.equals(row.getDomAttribute("data-node")))
			.flatMap((row) -> List.of(row.findElement(By.className("ids")).getText().split(" ")).stream())
			.toList();
	}

	/** Each member badge of each instance, as {@code <node> <status>}. */
	private static List<String> members(WebDriver page) {
		return page.findElements(By.cssSelector("#instances .member")).stream().map(WebElement::getText).toList();
	}

	private void waitFor(String what, Function<WebDriver, Boolean> condition) {
		waitFor(what, PAGE, condition);
	}

	/** Waits until {@code condition} holds, reading the page again while it re-renders a table under the reader. */
	private void waitFor(String what, Duration atMost, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.browser, atMost)
			.withMessage(() -> what + "; the page shows:\n" + this.browser.findElement(By.tagName("body")).getText())
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	private void screenshot(String name) throws IOException {
		Path file = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, WORK_DIRECTORY.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
