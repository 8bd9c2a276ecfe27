package cymru.noddfa.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's first journey in two real browsers against the whole running stack: a crisis
 * team signs in through the identity provider's page, finds a bed near Bridgend by its
 * postcode for an hour ahead, refers and holds it; the results show each provider's
 * on-call phone as a tap-to-call link and a map of the places found over the outline of
 * Wales; the provider acknowledges the alert the request raised, sees the request and
 * declines it with a reason, which the team's page shows; the team holds the bed for
 * another child and the provider accepts; the team's page shows the acceptance without
 * being reloaded, brought by the live feed, while the provider changes its free beds,
 * meeting someone else's change on the way; the team records the placement. In English
 * and in Welsh.
 */
class CrisisBedJourneyTest {

	/** What the pages say, from messages.properties and messages_cy.properties. */
	enum Language {

		ENGLISH("en", "", "Search for a bed", "You accepted the request", "Placed", "You declined the request",
				"Not enough staff", "Someone else changed this provision first", "You acknowledged the alert",
				"Confirmed as still accurate"),

		WELSH("cy", "-cy", "Chwilio am wely", "Rydych wedi derbyn y cais", "Wedi'i leoli", "Rydych wedi gwrthod y cais",
				"Dim digon o staff", "Newidiodd rhywun arall y ddarpariaeth hon yn gyntaf",
				"Rydych wedi cydnabod y rhybudd", "Wedi'i gadarnhau'n dal yn gywir");

		final String code;

		final String suffix;

		final String searchHeading;

		final String accepted;

		final String placed;

		final String declined;

		final String notEnoughStaff;

		final String changedElsewhere;

		final String acknowledged;

		final String confirmed;

		Language(String code, String suffix, String searchHeading, String accepted, String placed, String declined,
				String notEnoughStaff, String changedElsewhere, String acknowledged, String confirmed) {
			this.code = code;
			this.suffix = suffix;
			this.searchHeading = searchHeading;
			this.accepted = accepted;
			this.placed = placed;
			this.declined = declined;
			this.notEnoughStaff = notEnoughStaff;
			this.changedElsewhere = changedElsewhere;
			this.acknowledged = acknowledged;
			this.confirmed = confirmed;
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
			// reported, not asserted: the figure belongs to the local stack, not a test
			System.out.printf("first page interactive after %s ms (%s)%n",
					team.script("return Math.round(performance.getEntriesByType('navigation')[0].domInteractive)"),
					language);
			team.assertNoTokenReadableByScript();
			assertThat(team.script("""
					const done = arguments[arguments.length - 1];
					fetch('/api/matching/v1/referrals', { method: 'POST', body: '{}',
						headers: { 'Content-Type': 'application/json' } }).then((r) => done(r.status));
					""", true)).as("a state-changing call without the CSRF token").isEqualTo(403L);

			// find a bed
			team.find(By.id("search-form"));
			team.checkAndShoot("search-form");
			// the bed is needed at a time: choosing it reveals the date and time, needed
			team.click(By.cssSelector("label[for='when-at']"));
			team.click(By.id("search-submit"));
			team.find(By.cssSelector("#error-summary a[data-field='place']"));
			team.find(By.cssSelector("#error-summary a[data-field='admissionAt']"));
			team.checkAndShoot("error-summary");
			// an hour ahead, as the input holds it (local time, to the minute)
			String neededAt = (String) team.script("""
					const at = new Date(Date.now() + 3600000);
					const input = document.getElementById('f-admissionAt');
					input.value = new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
					return new Date(input.value).toISOString();
					""");
			// a postcode is found by its district's town
			team.type(By.id("f-place"), "CF31 1AB");
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
			By refer = By.cssSelector("button[data-refer='" + provisionId + "']");
			String reference = "WEB-1401-" + language.code.toUpperCase(Locale.ROOT);
			team.type(By.id("f-reference"), reference);
			team.click(refer);
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACTIVE");
			team.find(By.cssSelector("[data-expires]"));
			assertThat(Instant.parse(team.find(By.id("referral-needed-at")).getAttribute("data-at")))
				.as("the referral carries the time the bed is needed")
				.isEqualTo(Instant.parse(neededAt));
			// the page follows the live feed, and says so in words
			team.awaitAttribute(By.id("live-status"), "data-live", "on");
			team.checkAndShoot("held");

			// the provider sees the request arrive and declines it, with a reason
			provider.chooseLanguage(language.code);
			provider.signIn("dev:provider:" + WebStack.PROVIDER);
			provider.assertNoTokenReadableByScript();
			provider.awaitAttribute(By.id("live-status"), "data-live", "on");

			// the request raised an alert that the provider must acknowledge: it does so
			// here, and the alert stays acknowledged
			By alert = By.xpath("//li[@data-alert][contains(., '" + reference + "')]");
			provider.find(alert);
			provider.checkAndShoot("alert");
			provider.click(By.xpath("//li[@data-alert][contains(., '" + reference + "')]//button[@data-acknowledge]"));
			provider.awaitText(By.id("status"), language.acknowledged);
			provider.awaitGone(alert);
			provider.open(WebStack.app() + "/");
			provider.awaitApp();
			provider.awaitAttribute(By.id("alerts"), "data-loaded", "true");
			assertThat(provider.count(alert)).as("the acknowledged alert after a reload").isZero();
			provider.checkAndShoot("alert-acknowledged");
			// the request on this crisis unit (the panel journey's holds may wait too)
			String request = "//li[@data-hold][.//h3[contains(., 'Uned Argyfwng')]]";
			provider.find(By.xpath(request + "//button[@data-decline]"));
			provider.checkAndShoot("hold-request");
			provider.choose(By.xpath(request + "//select"), "NO_STAFF");
			provider.click(By.xpath(request + "//button[@data-decline]"));
			provider.awaitText(By.id("status"), language.declined);
			team.awaitAttribute(By.id("hold"), "data-hold-status", "DECLINED");
			team.awaitText(By.id("hold"), language.notEnoughStaff);
			team.checkAndShoot("declined");

			// the team holds the same bed for another child; the provider accepts that
			team.click(By.cssSelector("#nav-list a[href='#/search']"));
			team.type(By.id("f-reference"), "WEB-1402-" + language.code.toUpperCase(Locale.ROOT));
			team.click(refer);
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACTIVE");
			team.script("window.noddfaNotReloaded = true");
			By accept = By.xpath(request + "//button[@data-accept]");
			provider.find(accept);
			provider.click(accept);
			provider.awaitText(By.id("status"), language.accepted);
			provider.checkAndShoot("accepted");

			// the provider's board: one more free bed, one fewer, each saved at once
			String vacancy = "#provision-" + provisionId + " [data-bed-type='CRISIS'] ";
			By count = By.cssSelector(vacancy + "[data-available]");
			provider.awaitAttribute(count, "data-available", "1");
			provider.click(By.cssSelector(vacancy + "button[data-step='more']"));
			provider.awaitAttribute(count, "data-available", "2");
			provider.click(By.cssSelector(vacancy + "button[data-step='fewer']"));
			provider.awaitAttribute(count, "data-available", "1");
			// someone else changes the beds behind the page's back: the page's next
			// change is refused, says so, and shows their numbers
			WebStack.setVacancy(provisionId, "CRISIS", 3, 2);
			provider.click(By.cssSelector(vacancy + "button[data-step='more']"));
			provider.awaitText(By.id("error-summary"), language.changedElsewhere);
			provider.awaitAttribute(count, "data-total", "3");
			provider.awaitAttribute(count, "data-available", "2");
			provider.checkAndShoot("changed-elsewhere");

			// the provision's history lists those changes, the last first
			provider.click(By.cssSelector("a[data-history='" + provisionId + "']"));
			By rows = By.cssSelector("#history-table tbody tr");
			provider.find(rows);
			Object changes = provider.script("return [...document.querySelectorAll('#history-table tbody tr')]"
					+ ".map((row) => row.dataset.change + ' ' + row.dataset.version)");
			// created as version 1; the page's +, its -, then the other change
			assertThat(changes).as("newest first")
				.isEqualTo(List.of("VACANCY_SET 4", "VACANCY_SET 3", "VACANCY_SET 2", "VACANCY_SET 1", "CREATED 1"));
			provider.checkAndShoot("history");

			// back on the board: one tap says the numbers are still right; the unit
			// pauses
			// with a reason, and reopens
			provider.click(By.cssSelector("a.govuk-back-link[href='#/provisions']"));
			provider.click(By.cssSelector(vacancy + "button[data-confirm='CRISIS']"));
			provider.awaitText(By.id("status"), language.confirmed);
			By provisionStatus = By.cssSelector("#provision-" + provisionId + " [data-provision-status]");
			provider.type(By.id("pause-" + provisionId), "Staff training");
			provider.click(By.cssSelector("button[data-pause='" + provisionId + "']"));
			provider.awaitAttribute(provisionStatus, "data-provision-status", "PAUSED");
			provider.checkAndShoot("paused");
			provider.click(By.cssSelector("button[data-reopen='" + provisionId + "']"));
			provider.awaitAttribute(provisionStatus, "data-provision-status", "OPEN");
			provider.checkAndShoot("reopened");

			// the team's page follows, without a reload
			team.awaitAttribute(By.id("referral-status"), "data-status", "ACCEPTED");
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACCEPTED");
			assertThat(team.script("return window.noddfaNotReloaded === true")).as("the page was not reloaded")
				.isEqualTo(true);
			// brought by the feed: the fallback poll runs only while the feed is down,
			// and
			// every 30 s
			assertThat(team.script("return document.getElementById('referral').dataset.changedBy"))
				.as("what brought the acceptance")
				.isEqualTo("feed");
			assertThat(Long.parseLong((String) team.script("return document.body.dataset.liveEvents || '0'")))
				.as("feed events heard")
				.isPositive();
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
