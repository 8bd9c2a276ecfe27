package cymru.noddfa.panels.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import cymru.noddfa.panels.PanelsProperties;
import cymru.noddfa.panels.referral.ReferralEventsRepository;
import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A panel's queue and each case's timeline. A panel reads its own region's cases; a
 * crisis team reads the cases of its region's children and of the children it referred
 * from elsewhere. The role rules let only panels and crisis teams this far.
 */
@RestController
@RequestMapping("/v1/cases")
@RequiredArgsConstructor
class CaseController {

	private final CasesRepository cases;

	private final DecisionsRepository decisions;

	private final ReferralEventsRepository events;

	private final Clock clock;

	private final PanelsProperties properties;

	/**
	 * The caller's region's cases, optionally of one status; naming another region is
	 * refused.
	 */
	@GetMapping
	List<CaseSummary> list(Caller caller, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) CaseStatus status) {
		if (regionCode != null && !regionCode.equals(caller.region())) {
			throw new NotYourCase("regionCode");
		}
		if (caller.region() == null) {
			throw new NotYourCase("regionCode");
		}
		RegionCode region = RegionCode.of(caller.region());
		List<PanelCase> found = this.cases.ofRegion(region, !caller.has(Role.PANEL), status);
		Map<UUID, Instant> referredAt = this.events.createdAt(found.stream().map(PanelCase::referralId).toList());
		Instant now = this.clock.instant();
		return found.stream()
			.map((c) -> CaseSummary.of(c, referredAt.get(c.referralId()), now, this.properties.funding().threshold()))
			.toList();
	}

	@GetMapping("/{id}")
	CaseDetails one(Caller caller, @PathVariable UUID id) {
		CaseId caseId = new CaseId(id);
		PanelCase found = this.cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
		if (!mayRead(caller, found)) {
			throw new NotYourCase("id");
		}
		var timeline = TimelineEntry.of(this.events.ofReferral(found.referralId()), this.decisions.ofCase(caseId));
		Instant referredAt = this.events.createdAt(List.of(found.referralId())).get(found.referralId());
		return new CaseDetails(
				CaseSummary.of(found, referredAt, this.clock.instant(), this.properties.funding().threshold()),
				found.reference(), timeline);
	}

	/**
	 * The case's panel; the crisis team of the child's home region, or of the referring
	 * team's region.
	 */
	static boolean mayRead(Caller caller, PanelCase panelCase) {
		String region = panelCase.region().value();
		String referring = (panelCase.referringRegion() != null) ? panelCase.referringRegion().value() : null;
		return caller.isPanelOf(region) || caller.isCrisisTeamOf(region)
				|| (referring != null && caller.isCrisisTeamOf(referring));
	}

}
