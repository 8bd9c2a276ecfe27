package cymru.noddfa.matcher.referral;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Sex;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals. Who is asking comes from the validated token ({@link Caller}): a crisis team
 * (its subject is the team that owns the referrals it creates) or a panel of a region.
 * Each read and change is in the referral's audit trail under the caller's subject.
 */
@RestController
record ReferralController(ReferralIntake intake, ReferringAChild referring, ReadingReferrals reading,
		CancellingAReferral cancelling) {

	/**
	 * A crisis team refers a child: {@code regionCode} is the child's home region, which
	 * may be another than the team's own.
	 */
	@PostMapping("/v1/referrals")
	ResponseEntity<ReferralView> create(@RequestBody ReferralIntake.Request request, Caller caller) {
		Referral referral = this.referring.refer(this.intake.referral(request, caller));
		return ResponseEntity.created(URI.create("/v1/referrals/" + referral.id())).body(ReferralView.of(referral));
	}

	@GetMapping("/v1/referrals/{referralId}")
	ReferralView referral(@PathVariable UUID referralId, Caller caller) {
		return ReferralView.of(this.reading.read(new ReferralId(referralId), caller));
	}

	/** The referrals of the caller's region (the default) or, refused, of another. */
	@GetMapping("/v1/referrals")
	List<ReferralView> referrals(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) ReferralStatus status, Caller caller) {
		return this.reading.list(this.intake.regionToList(regionCode, caller), status, caller)
			.stream()
			.map(ReferralView::of)
			.toList();
	}

	@PostMapping("/v1/referrals/{referralId}/cancel")
	ReferralView cancel(@PathVariable UUID referralId, Caller caller) {
		return ReferralView.of(this.cancelling.cancel(new ReferralId(referralId), caller));
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record ReferralView(UUID id, String reference, String regionCode, String referringRegionCode, int age, Sex sex,
			List<String> needs, CurrentSetting currentSetting, Location location, String place, BedType bedType,
			Instant latestAdmissionAt, Double maxKm, ReferralStatus status, int version, Instant createdAt,
			Instant updatedAt, List<Referral.Option> outOfRegionOptions) {

		static ReferralView of(Referral r) {
			Referral.Asked asked = r.asked();
			Child child = asked.child();
			return new ReferralView(r.id().value(), asked.reference(), r.region().code(),
					(r.referringRegion() != null) ? r.referringRegion().code() : null, child.age(), child.sex(),
					NeedCode.codes(child.needs()), child.setting(), child.location(), child.place(), r.bedType(),
					asked.sought().latestAdmissionAt(), asked.sought().maxKm(), r.status(), r.version(),
					asked.createdAt(), r.updatedAt(), r.outOfRegionOptions());
		}

	}

}
