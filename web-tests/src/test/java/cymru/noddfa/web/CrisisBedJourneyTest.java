package cymru.noddfa.web;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's first journey in two real browsers against the whole running stack: a crisis
 * team signs in through the identity provider's page, finds a bed near Bridgend, refers
 * and holds it; the provider sees the request arrive and accepts it; the team's page
 * shows the acceptance without being reloaded, and the team records the placement. In
 * English and in Welsh. The results show each provider's on-call phone as a tap-to-call
 * link and a map of the places found over the outline of Wales.
 */
class CrisisBedJourneyTest {

	/** What the pages say, from messages.properties and messages_cy.properties. */
	enum Language {

		ENGLISH("en", "", "Search for a bed", "You accepted the request", "Placed"),

		WELSH("cy", "-cy", "Chwilio am wely", "Rydych wedi derbyn y cais", "Wedi'i leoli");

		final String code;

		final String suffix;

		final String searchHeading;

		final String accepted;

		final String placed;

		Language(String code, String suffix, String searchHeading, String accepted, String placed) {
			this.code = code;
			this.suffix = suffix;
			this.searchHeading = searchHeading;
			this.accepted = accepted;
			this.placed = placed;
		}

	}

	@ParameterizedTest
	@EnumSource(Language.class)
	void a_crisis_team_holds_a_bed_and_sees_the_provider_accept_it_without_reloading(Language language) {
		String provisionId = "web-journey-" + language.code + "-" + UUID.randomUUID().toString().substring(0, 8);
		WebStack.register(
				WebStack.unitNearBridgend(provisionId, "Uned Argyfwng Pen-y-bont", "CRISIS_UNIT", "CRISIS", 2, 1));
		try (Browser team = new Browser("crisis-team", language.suffix);
				Browser provider = new Browser("provider", language.suffix)) {
			team.chooseLanguage(language.code);
			team.signIn("dev:crisis-team:CTM");
			team.awaitText(By.cssSelector("h1"), language.searchHeading);
			team.assertNoTokenReadableByScript();
			assertThat(team.script("""
					const done = arguments[arguments.length - 1];
					fetch('/api/matching/v1/referrals', { method: 'POST', body: '{}',
						headers: { 'Content-Type': 'application/json' } }).then((r) => done(r.status));
					""", true)).as("a state-changing call without the CSRF token").isEqualTo(403L);

			// find a bed
			team.find(By.id("search-form"));
			team.checkAndShoot("search-form");
			team.click(By.id("search-submit"));
			team.find(By.cssSelector("#error-summary a[data-field='place']"));
			team.checkAndShoot("error-summary");
			team.type(By.id("f-place"), "Bridgend");
			team.type(By.id("f-age"), "14");
			team.script("document.getElementById('f-sex').value = 'FEMALE'");
			// GOV.UK checkboxes: the label is what a person taps
			team.click(By.cssSelector("label[for='need-MH_CRISIS']"));
			team.script("window.noddfaRefused = [];"
					+ "document.addEventListener('securitypolicyviolation', (e) => window.noddfaRefused.push("
					+ "e.violatedDirective + ' ' + e.blockedURI))");
			team.click(By.id("search-submit"));
			By card = By.cssSelector("li[data-provision='" + provisionId + "']");
			team.find(card);
			// the provider's on-call phone, one tap away, named for a screen reader
			WebElement call = team.find(By.cssSelector("li[data-provision='" + provisionId + "'] a[href^='tel:']"));
			assertThat(call.getAttribute("href")).isEqualTo("tel:" + WebStack.ON_CALL_PHONE.replace(" ", ""));
			assertThat(call.getText()).isEqualTo(WebStack.ON_CALL_PHONE);
			assertThat(call.getAttribute("aria-label")).contains(WebStack.ON_CALL_PHONE, "Uned Argyfwng Pen-y-bont");
			// the map: the outline of Wales shipped with the app, one marker per card and
			// the
			// child's, and no tile server asked for anything
			team.find(By.cssSelector("#results-map[data-drawn='true']"));
			assertThat(team.script("return document.querySelectorAll('#results-map path.app-map-wales').length"))
				.as("the outline of Wales")
				.isEqualTo(1L);
			assertThat(team.script("return document.querySelectorAll('#results-map .app-map-marker--bed').length"))
				.as("one marker per card")
				.isEqualTo(team.script("return document.querySelectorAll('#candidates > li').length"));
			assertThat(team.script("return document.querySelector('#results-map .app-map-marker--bed[data-provision=\""
					+ provisionId + "\"]') !== null"))
				.isEqualTo(true);
			assertThat(team.script("return document.querySelectorAll('#results-map .app-map-marker--child').length"))
				.isEqualTo(1L);
			assertThat(team.script("return document.querySelectorAll('#results-map img.leaflet-tile').length"))
				.as("no tiles by default")
				.isEqualTo(0L);
			assertThat(team.script("return document.getElementById('results-map').getAttribute('aria-label')"))
				.asString()
				.isNotBlank();
			assertThat(team.script("return window.noddfaRefused")).as("nothing the map loads breaks the policy")
				.asList()
				.isEmpty();
			team.checkAndShoot("results");

			// refer and hold that bed in one step
			team.type(By.id("f-reference"), "WEB-1401-" + language.code.toUpperCase(Locale.ROOT));
			team.click(By.cssSelector("button[data-refer='" + provisionId + "']"));
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACTIVE");
			team.find(By.cssSelector("[data-expires]"));
			team.script("window.noddfaNotReloaded = true");
			team.checkAndShoot("held");

			// the provider sees the request arrive and accepts it
			provider.chooseLanguage(language.code);
			provider.signIn("dev:provider:" + WebStack.PROVIDER);
			provider.assertNoTokenReadableByScript();
			// the request on this crisis unit (the panel journey's holds may wait too)
			By accept = By.xpath("//li[@data-hold][.//h3[contains(., 'Uned Argyfwng')]]//button[@data-accept]");
			provider.find(accept);
			provider.checkAndShoot("hold-request");
			provider.click(accept);
			provider.awaitText(By.id("status"), language.accepted);
			provider.checkAndShoot("accepted");

			// the team's page follows, without a reload
			team.awaitAttribute(By.id("referral-status"), "data-status", "ACCEPTED");
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACCEPTED");
			assertThat(team.script("return window.noddfaNotReloaded === true")).as("the page was not reloaded")
				.isEqualTo(true);
			team.checkAndShoot("accepted-live");

			// record the placement
			team.click(By.id("record-placement"));
			team.awaitAttribute(By.id("referral-status"), "data-status", "PLACED");
			team.awaitText(By.id("referral-status"), language.placed);
			team.checkAndShoot("placed");

			if (language == Language.ENGLISH) {
				// the same page in Welsh, remembered across a reload
				team.click(By.cssSelector("button[data-lang='cy']"));
				team.awaitText(By.id("referral-status"), "Wedi'i leoli");
				team.open(WebStack.app() + "/");
				team.awaitApp();
				team.awaitText(By.cssSelector("h1"), "Chwilio am wely");
				assertThat(team.script("return document.documentElement.lang")).isEqualTo("cy");
				team.checkAndShoot("welsh-search");
			}

			// signing out ends the session
			team.click(By.id("sign-out"));
			team.find(By.id("sign-in"));
			team.screenshot("signed-out");
		}
	}

}
