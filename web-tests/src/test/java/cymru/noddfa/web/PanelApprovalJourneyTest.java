package cymru.noddfa.web;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's panel journey in two real browsers against the whole running stack, in
 * English and in Welsh: a Powys child needs an assessment bed and Powys has none, so the
 * referral is escalated; the Powys crisis team may not hold the assessment bed near
 * Bridgend until the Powys panel approves it; the child appears in the panel's open queue
 * without a reload, beside the region's outcome charts; the panel opens the case and
 * approves that bed out of region; the team's page shows that decision as it is made, and
 * the team then holds the bed.
 */
class PanelApprovalJourneyTest {

	/** What the pages say, from messages.properties and messages_cy.properties. */
	enum Language {

		ENGLISH("en", "", "Search for a bed", "Escalated to the panel", "The panel has not approved",
				"Panel queue: Powys", "Waiting for", "Panel case", "The decision is recorded.",
				"Outside the child's region", "Where children were placed", "In their own region",
				"Panel approved a placement outside the region", "No suitable bed in the region"),

		WELSH("cy", "-cy", "Chwilio am wely", "Wedi'i uwchgyfeirio i'r panel", "Nid yw'r panel wedi cymeradwyo",
				"Ciw'r panel: Powys", "Wedi aros am", "Achos y panel", "Mae'r penderfyniad wedi'i gofnodi.",
				"Y tu allan i ranbarth y plentyn", "Ble cafodd plant eu lleoli", "Yn eu rhanbarth eu hunain",
				"Cymeradwyodd y panel leoliad y tu allan i'r rhanbarth", "Dim gwely addas yn y rhanbarth");

		final String code;

		final String suffix;

		final String searchHeading;

		final String escalated;

		final String approvalPending;

		final String panelHeading;

		final String waited;

		final String caseHeading;

		final String decisionRecorded;

		final String outOfRegion;

		final String placementsChart;

		final String placementsInRegion;

		final String approvedByPanel;

		final String noBedInRegion;

		Language(String code, String suffix, String searchHeading, String escalated, String approvalPending,
				String panelHeading, String waited, String caseHeading, String decisionRecorded, String outOfRegion,
				String placementsChart, String placementsInRegion, String approvedByPanel, String noBedInRegion) {
			this.code = code;
			this.suffix = suffix;
			this.searchHeading = searchHeading;
			this.escalated = escalated;
			this.approvalPending = approvalPending;
			this.panelHeading = panelHeading;
			this.waited = waited;
			this.caseHeading = caseHeading;
			this.decisionRecorded = decisionRecorded;
			this.outOfRegion = outOfRegion;
			this.placementsChart = placementsChart;
			this.placementsInRegion = placementsInRegion;
			this.approvedByPanel = approvedByPanel;
			this.noBedInRegion = noBedInRegion;
		}

	}

	@ParameterizedTest
	@EnumSource(Language.class)
	void a_powys_escalation_reaches_the_panel_which_approves_a_bed_out_of_region_that_the_team_then_holds(
			Language language) {
		String unit = "panel-web-" + language.code + "-" + UUID.randomUUID().toString().substring(0, 8);
		WebStack
			.register(WebStack.unitNearBridgend(unit, "Uned Asesu Pen-y-bont", "ASSESSMENT_UNIT", "ASSESSMENT", 1, 1));
		try (Browser team = new Browser("powys-team", language.suffix);
				Browser panel = new Browser("powys-panel", language.suffix)) {
			team.chooseLanguage(language.code);
			team.signIn("dev:crisis-team:POW");
			team.awaitText(By.cssSelector("h1"), language.searchHeading);
			team.assertNoTokenReadableByScript();

			// the Powys panel has its queue open, before the child is referred
			panel.chooseLanguage(language.code);
			panel.signIn("dev:panel:POW");
			panel.awaitText(By.cssSelector("h1"), language.panelHeading);
			panel.script("window.noddfaNotReloaded = true");

			// an assessment bed for a Powys child: the nearest is in Cwm Taf Morgannwg
			team.type(By.id("f-place"), "Newtown");
			team.type(By.id("f-age"), "15");
			team.choose(By.id("f-sex"), "FEMALE");
			team.click(By.cssSelector("label[for='need-MH_CRISIS']"));
			team.choose(By.id("f-bedType"), "ASSESSMENT");
			team.type(By.id("f-maxKm"), "200");
			team.click(By.id("search-submit"));
			By card = By.cssSelector("li[data-provision='" + unit + "']");
			team.awaitText(card, language.outOfRegion);
			team.checkAndShoot("results-out-of-region");

			// referring escalates to the panel, with the out-of-region options shown
			team.type(By.id("f-reference"), "POW-" + System.nanoTime() % 100000);
			team.click(By.id("refer-best"));
			team.awaitAttribute(By.id("referral-status"), "data-status", "ESCALATED");
			team.awaitText(By.id("referral-status"), language.escalated);
			By holdOutOfRegion = By.cssSelector("button[data-hold-out-of-region='" + unit + "']");
			team.find(holdOutOfRegion);
			team.checkAndShoot("escalated");
			String referralId = ((String) team.script("return window.location.hash")).replace("#/referral/", "");

			// an assessment bed out of region waits for the panel's approval
			team.choose(By.id("f-reason-" + unit), "NO_SUITABLE_BED_IN_REGION");
			team.click(holdOutOfRegion);
			team.awaitText(By.id("error-summary"), language.approvalPending);
			team.checkAndShoot("approval-pending");

			// the child appears in the panel's queue by itself, with how long the child
			// has waited
			By queued = By.cssSelector("li[data-referral='" + referralId + "']");
			panel.awaitText(queued, language.waited);
			assertThat(panel.script("return window.noddfaNotReloaded === true")).as("the queue was not reloaded")
				.isEqualTo(true);
			// the region's outcomes drawn as charts, each named and described in words
			WebElement placements = panel.find(By.cssSelector("#outcomes svg[data-chart='chart-placements']"));
			assertThat(placements.getAccessibleName()).isEqualTo(language.placementsChart);
			assertThat(panel.script("return document.getElementById('chart-placements-desc').textContent")).asString()
				.contains(language.placementsInRegion + ": ");
			assertThat(panel.find(By.cssSelector("#outcomes svg[data-chart='chart-waits']")).getAccessibleName())
				.isNotBlank();
			panel.checkAndShoot("queue");

			// the case page: its timeline and the decision form
			panel.click(By.cssSelector("li[data-referral='" + referralId + "'] a"));
			panel.awaitText(By.cssSelector("h1"), language.caseHeading);
			panel.find(By.cssSelector(".app-timeline li"));
			panel.find(By.id("decision-form"));
			panel.checkAndShoot("case");
			panel.choose(By.id("f-type"), "APPROVE_OUT_OF_REGION");
			panel.choose(By.id("f-reasonCode"), "NO_SUITABLE_BED_IN_REGION");
			panel.choose(By.id("f-provisionId"), unit);
			panel.click(By.id("decision-submit"));
			panel.awaitText(By.id("status"), language.decisionRecorded);
			panel.checkAndShoot("approved");

			// the team's page shows what the panel decided, when and why, as it is
			// decided: the page follows the live feed
			By decision = By.cssSelector("#panel-decisions li[data-decision='APPROVE_OUT_OF_REGION']");
			team.awaitText(decision, language.approvedByPanel);
			assertThat(team.find(decision).getText()).contains(language.noBedInRegion);
			assertThat(team.find(By.cssSelector("#panel-decisions time[datetime]")).getText()).isNotBlank();
			assertThat(team.script("return document.getElementById('referral').dataset.changedBy"))
				.as("what brought the decision")
				.isEqualTo("feed");
			team.checkAndShoot("panel-decided");

			// the team now holds that bed, out of region
			team.clickUntilShown(holdOutOfRegion, By.id("hold"));
			team.awaitAttribute(By.id("hold"), "data-hold-status", "ACTIVE");
			team.awaitAttribute(By.id("referral-status"), "data-status", "OFFERED");
			team.awaitText(By.id("hold-out-of-region"), language.outOfRegion);
			team.checkAndShoot("held-out-of-region");
		}
	}

}
