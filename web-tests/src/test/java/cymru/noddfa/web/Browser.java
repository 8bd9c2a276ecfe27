package cymru.noddfa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * 320 px wide like the smallest phone, writing a screenshot of every step.
 */
final class Browser implements AutoCloseable {

	static final int WIDTH = 320;

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String AXE = axe();

	private final ChromeDriver driver;

	private final String name;

	private final String suffix;

	private final Path screenshots;

	private int step;

	Browser(String name) {
		this(name, "");
	}

	/**
	 * A browser whose screenshots carry a suffix after the step's name, such as
	 * {@code -cy} for the journeys in Welsh.
	 */
	Browser(String name, String suffix) {
		this.name = name;
		this.suffix = suffix;
		this.screenshots = Path.of(System.getProperty("noddfa.screenshots-dir", "target/screenshots"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(
					Path.of(System.getProperty("noddfa.chromium.driver", "/usr/bin/chromedriver")).toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("noddfa.chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + WIDTH + ",900", "--lang=en-GB");
		this.driver = new ChromeDriver(service, options);
		// the layout viewport of a 320 px phone, whatever the window manager allows
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
		this.driver.manage().timeouts().scriptTimeout(PATIENCE);
	}

	void open(String url) {
		this.driver.get(url);
	}

	WebElement find(By by) {
		return new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void click(By by) {
		WebElement element = new WebDriverWait(this.driver, PATIENCE)
			.until(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	/**
	 * Clicks the button again every few seconds until what it leads to is shown: for a
	 * step that waits on another service (a decision travelling over Kafka).
	 */
	void clickUntilShown(By button, By shown) {
		new WebDriverWait(this.driver, PATIENCE).pollingEvery(Duration.ofSeconds(2))
			.ignoring(StaleElementReferenceException.class)
			.ignoring(ElementClickInterceptedException.class)
			.until((d) -> {
				if (!d.findElements(shown).isEmpty()) {
					return true;
				}
				d.findElements(button).stream().findFirst().ifPresent(WebElement::click);
				return false;
			});
	}

	void choose(By select, String value) {
		new Select(find(select)).selectByValue(value);
	}

	void type(By by, String text) {
		WebElement element = find(by);
		element.clear();
		element.sendKeys(text);
	}

	/** Waits until the app has read its words and who is signed in. */
	void awaitApp() {
		new WebDriverWait(this.driver, PATIENCE).until((d) -> "true"
			.equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready || ''")));
	}

	void awaitText(By by, String text) {
		await().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	void awaitAttribute(By by, String attribute, String value) {
		await().until(ExpectedConditions.attributeToBe(by, attribute, value));
	}

	/**
	 * A wait that looks again when the page redraws what it was reading: live pages
	 * replace their parts as the feed brings news.
	 */
	private WebDriverWait await() {
		WebDriverWait wait = new WebDriverWait(this.driver, PATIENCE);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** Waits until nothing the locator finds is shown. */
	void awaitGone(By by) {
		new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	/** How many elements the locator finds now, without waiting. */
	int count(By by) {
		return this.driver.findElements(by).size();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** A script that calls its last argument when done. */
	Object script(String script, boolean async) {
		return async ? this.driver.executeAsyncScript(script) : script(script);
	}

	String host() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getHost();
	}

	/** Nothing wider than the phone: no sideways scrolling on this page. */
	void assertFitsTheScreen() {
		Number scrollWidth = (Number) script("return document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("%s: scrollWidth of %s", this.name, this.driver.getCurrentUrl())
			.isLessThanOrEqualTo(WIDTH);
	}

	/**
	 * The page as the person sees it, all of it, as
	 * target/screenshots/<name>-NN-<what><suffix>.png.
	 */
	void screenshot(String what) {
		try {
			Files.createDirectories(this.screenshots);
			Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, 900)");
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", height.intValue(), "deviceScaleFactor", 1, "mobile", false));
			Path shot = this.driver.getScreenshotAs(OutputType.FILE).toPath();
			this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
			Files.copy(shot,
					this.screenshots
						.resolve(String.format("%s-%02d-%s%s.png", this.name, ++this.step, what, this.suffix)),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Signs in through the identity provider's login page, where the local stack offers
	 * one button per demo user ({@code dev:crisis-team:CTM}, {@code dev:panel:POW}…).
	 */
	void signIn(String subject) {
		open(WebStack.app() + "/");
		awaitApp();
		checkAndShoot("start");
		click(By.id("sign-in"));
		By user = By.xpath("//form[input[@name='username' and @value='" + subject + "']]/button");
		find(user);
		screenshot("identity-provider");
		click(user);
		find(By.id("who"));
		awaitApp();
		assertThat(host()).isEqualTo("localhost");
		checkAndShoot("signed-in");
	}

	/**
	 * The language switch, before signing in; the app remembers the choice across the
	 * sign-in. English, the browser's own language, needs no switch.
	 */
	void chooseLanguage(String code) {
		if ("en".equals(code)) {
			return;
		}
		open(WebStack.app() + "/");
		awaitApp();
		click(By.cssSelector("button[data-lang='" + code + "']"));
		awaitAttribute(By.tagName("html"), "lang", code);
	}

	/**
	 * Every page of the app: no sideways scrolling at 320 px, a screenshot, no serious
	 * accessibility problem.
	 */
	void checkAndShoot(String step) {
		assertFitsTheScreen();
		screenshot(step);
		assertAccessible();
	}

	/** The gateway keeps the tokens in its session: page script can read none of them. */
	void assertNoTokenReadableByScript() {
		String readable = (String) script("return [JSON.stringify(Object.assign({}, sessionStorage)), "
				+ "JSON.stringify(Object.assign({}, localStorage)), document.cookie].join(' | ')");
		assertThat(readable).doesNotContain("eyJ")
			.doesNotContainIgnoringCase("access_token")
			.doesNotContain("SESSION=");
		assertThat((String) script("return JSON.stringify(Object.keys(localStorage))")).isIn("[]", "[\"noddfa.lang\"]");
	}

	/**
	 * axe-core (vendored from its npm package, {@code src/test/resources/axe}), run on
	 * the page as it stands: no serious or critical violation of WCAG 2.x A and AA.
	 */
	void assertAccessible() {
		// the app is one page whose views change in place, so axe stays once given;
		// sending its half a megabyte again took about a third of each check's time
		if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
			script(AXE);
		}
		Object found = this.driver.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
							.then((result) => done(result.violations
								.filter((v) => v.impact === 'serious' || v.impact === 'critical')
								.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
							.catch((error) => done(['axe failed: ' + error]));
						""");
		assertThat((java.util.List<?>) found)
			.as("%s: serious or critical accessibility problems on %s", this.name, this.driver.getCurrentUrl())
			.isEmpty();
	}

	private static String axe() {
		try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
