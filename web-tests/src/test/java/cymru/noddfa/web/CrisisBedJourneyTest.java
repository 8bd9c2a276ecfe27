package cymru.noddfa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.stack.Stack;
import cymru.noddfa.stack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's first journey in two real browsers against the whole running stack: a crisis
 * team signs in through the identity provider's page, finds a bed near Bridgend, refers
 * and holds it; the provider sees the request arrive and accepts it; the team's page
 * shows the acceptance without being reloaded, and the team records the placement.
 */
class CrisisBedJourneyTest {

	private static final String PROVIDER = "cwm-taf-morgannwg-partnership";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	static Stack stack;

	static String app;

	static String provisionId;

	@BeforeAll
	static void startTheStackWithOneFreeCrisisBedNearBridgend() throws Exception {
		Path dataDir = Files.createTempDirectory("noddfa-web-test");
		Path servicesDir = Path.of(System.getProperty("noddfa.services-dir", "../local-stack/target/services"));
		StackOptions options = new StackOptions(dataDir, servicesDir, EmbeddedInfrastructure.Ports.any(),
				new StackOptions.ServicePorts(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(),
						FreePort.pick(), 0),
				"local", false, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
				// two browsers poll every few seconds and fetch the components, from one
				// address
				Map.of(Stack.GATEWAY, List.of("--noddfa.gateway.rate-limit.anonymous.per-second=500",
						"--noddfa.gateway.rate-limit.anonymous.burst=1000")));
		stack = Stack.start(options, Duration.ofSeconds(240));
		// the redirect URIs the identity provider accepts name localhost
		app = stack.gatewayUrl().replace("127.0.0.1", "localhost");
		provisionId = "web-journey-" + UUID.randomUUID().toString().substring(0, 8);
		String admin = token("{\"role\":\"ADMIN\"}");
		HttpResponse<String> created = http(HttpRequest.newBuilder(URI.create(app + "/api/registry/v1/provisions"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(crisisUnitNearBridgend(provisionId)))
			.build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@AfterAll
	static void stopTheStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void a_crisis_team_holds_a_bed_and_sees_the_provider_accept_it_without_reloading() {
		try (Browser team = new Browser("crisis-team"); Browser provider = new Browser("provider")) {
			signIn(team, "dev:crisis-team:CTM");
			assertNoTokenReadableByScript(team);
			assertThat(team.script("""
					const done = arguments[arguments.length - 1];
					fetch('/api/matching/v1/referrals', { method: 'POST', body: '{}',
						headers: { 'Content-Type': 'application/json' } }).then((r) => done(r.status));
					""", true)).as("a state-changing call without the CSRF token").isEqualTo(403L);

			// find a bed
			team.find(By.id("search-form"));
			checkAndShoot(team, "search-form");
			team.click(By.id("search-submit"));
			team.find(By.cssSelector("#error-summary a[data-field='place']"));
			checkAndShoot(team, "error-summary");
			team.type(By.id("f-place"), "Bridgend");
			team.type(By.id("f-age"), "14");
			team.script("document.getElementById('f-sex').value = 'FEMALE'");
			// GOV.UK checkboxes: the label is what a person taps
			team.click(By.cssSelector("label[for='need-MH_CRISIS']"));
			team.click(By.id("search-submit"));
			By card = By.cssSelector("li[data-provision='" + provisionId + "']");
			team.find(card);
			checkAndShoot(team, "results");

			// refer and hold that bed in one step
			team.type(By.id("f-reference"), "WEB-1401");
			team.click(By.cssSelector("button[data-refer='" + provisionId + "']"));
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACTIVE");
			team.find(By.cssSelector("[data-expires]"));
			team.script("window.noddfaNotReloaded = true");
			checkAndShoot(team, "held");

			// the provider sees the request arrive and accepts it
			signIn(provider, "dev:provider:" + PROVIDER);
			assertNoTokenReadableByScript(provider);
			By accept = By.cssSelector("button[data-accept]");
			provider.find(accept);
			checkAndShoot(provider, "hold-request");
			provider.click(accept);
			provider.awaitText(By.id("status"), "accepted");
			checkAndShoot(provider, "accepted");

			// the team's page follows, without a reload
			team.awaitAttribute(By.id("referral-status"), "data-status", "ACCEPTED");
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACCEPTED");
			assertThat(team.script("return window.noddfaNotReloaded === true")).as("the page was not reloaded")
				.isEqualTo(true);
			checkAndShoot(team, "accepted-live");

			// record the placement
			team.click(By.id("record-placement"));
			team.awaitAttribute(By.id("referral-status"), "data-status", "PLACED");
			checkAndShoot(team, "placed");

			// the same page in Welsh, remembered across a reload
			team.click(By.cssSelector("button[data-lang='cy']"));
			team.awaitText(By.id("referral-status"), "Wedi'i leoli");
			team.open(app + "/");
			team.awaitApp();
			team.awaitText(By.cssSelector("h1"), "Chwilio am wely");
			assertThat(team.script("return document.documentElement.lang")).isEqualTo("cy");
			checkAndShoot(team, "welsh-search");

			// signing out ends the session
			team.click(By.id("sign-out"));
			team.find(By.id("sign-in"));
			team.screenshot("signed-out");
		}
	}

	private static void signIn(Browser browser, String subject) {
		browser.open(app + "/");
		browser.awaitApp();
		checkAndShoot(browser, "start");
		browser.click(By.id("sign-in"));
		// the identity provider's page: one button per demo user
		By user = By.xpath("//form[input[@name='username' and @value='" + subject + "']]/button");
		browser.find(user);
		browser.screenshot("identity-provider");
		browser.click(user);
		browser.find(By.id("who"));
		browser.awaitApp();
		assertThat(browser.host()).isEqualTo("localhost");
		checkAndShoot(browser, "signed-in");
	}

	/**
	 * Every page of the app: no sideways scrolling at 320 px, no serious accessibility
	 * problem.
	 */
	private static void checkAndShoot(Browser browser, String step) {
		browser.assertFitsTheScreen();
		browser.screenshot(step);
		browser.assertAccessible();
	}

	/** The gateway keeps the tokens in its session: page script can read none of them. */
	private static void assertNoTokenReadableByScript(Browser browser) {
		String readable = (String) browser.script("return [JSON.stringify(Object.assign({}, sessionStorage)), "
				+ "JSON.stringify(Object.assign({}, localStorage)), document.cookie].join(' | ')");
		assertThat(readable).doesNotContain("eyJ")
			.doesNotContainIgnoringCase("access_token")
			.doesNotContain("SESSION=");
		assertThat((String) browser.script("return JSON.stringify(Object.keys(localStorage))")).isIn("[]",
				"[\"noddfa.lang\"]");
	}

	private static String token(String request) {
		HttpResponse<String> response = http(HttpRequest.newBuilder(URI.create(app + "/dev-auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request))
			.build());
		Matcher matcher = ACCESS_TOKEN.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

	private static HttpResponse<String> http(HttpRequest request) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A 24/7 crisis unit of the demo provider, a few hundred metres from Bridgend. */
	private static String crisisUnitNearBridgend(String id) {
		return """
				{"id": "%s", "providerId": "%s", "name": "Uned Argyfwng Pen-y-bont", "kind": "CRISIS_UNIT",
				 "regionCode": "CTM", "localAuthority": "Bridgend", "location": {"lat": 51.5080, "lon": -3.5850},
				 "ageRange": {"min": 11, "max": 17}, "accepts": "ANY", "needsMet": ["MH_CRISIS", "SELF_HARM"],
				 "exclusions": [], "admissions": {"always": true, "windows": []}, "stalenessWindowHours": 12,
				 "vacancies": [{"bedType": "CRISIS", "total": 2, "available": 1}]}
				""".formatted(id, PROVIDER);
	}

}
