package cymru.noddfa.matcher.referral;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.RejectedInput;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds: a crisis team holds a bed for its referral (the hold counts against the cap of
 * the token's subject), and the provider keeping the bed answers.
 */
@RestController
record HoldController(PlacingAHold placing, AcceptingAHold accepting, DecliningAHold declining,
		ReadingReferrals reading) {

	/**
	 * Holds the best candidate's bed, or the bed of the provision the team picked (out of
	 * the child's home region: with a reason, and for a non-crisis bed the panel's
	 * approval).
	 */
	@PostMapping("/v1/referrals/{referralId}/holds")
	ResponseEntity<HoldView> hold(@PathVariable UUID referralId, @RequestBody(required = false) HoldRequest request,
			Caller caller) {
		HoldRequest asked = (request != null) ? request : new HoldRequest(null, null);
		Hold hold = this.placing.hold(new ReferralId(referralId), asked.provisionId(), asked.outOfRegionReason(),
				caller);
		return ResponseEntity.created(URI.create("/v1/referrals/" + referralId + "/holds/" + hold.id()))
			.body(HoldView.of(hold));
	}

	@GetMapping("/v1/referrals/{referralId}/holds")
	List<HoldView> holds(@PathVariable UUID referralId, Caller caller) {
		return this.reading.holds(new ReferralId(referralId), caller).stream().map(HoldView::of).toList();
	}

	/**
	 * Holds a provider must answer (those on its own beds), or a crisis team's or panel's
	 * view of its region's holds (and a crisis team's of those it referred for another
	 * region's children), newest first.
	 */
	@GetMapping("/v1/holds")
	List<UnitHold> unitHolds(@RequestParam(required = false) Hold.Status status, Caller caller) {
		return this.reading.holdsSeenBy(caller, status);
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/accept")
	HoldView accept(@PathVariable UUID referralId, @PathVariable UUID holdId, Caller caller) {
		return HoldView.of(this.accepting.accept(new ReferralId(referralId), new HoldId(holdId), caller));
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/decline")
	HoldView decline(@PathVariable UUID referralId, @PathVariable UUID holdId, @RequestBody DeclineRequest request,
			Caller caller) {
		if (request.reasonCode() == null) {
			throw new RejectedInput("reasonCode", "missing-field", "reasonCode");
		}
		return HoldView
			.of(this.declining.decline(new ReferralId(referralId), new HoldId(holdId), request.reasonCode(), caller));
	}

	/**
	 * The provision the team picked (else the best candidate), and why, when it is
	 * outside the child's home region.
	 */
	record HoldRequest(String provisionId, OutOfRegionReason outOfRegionReason) {
	}

	record DeclineRequest(DeclineReason reasonCode) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HoldView(UUID holdId, UUID referralId, String provisionId, BedType bedType, Hold.Status status,
			boolean inRegion, double distanceKm, Instant placedAt, Instant expiresAt, Instant decidedAt,
			DeclineReason reasonCode) {

		static HoldView of(Hold h) {
			return new HoldView(h.id().value(), h.referralId().value(), h.provisionId(), h.bedType(), h.status(),
					h.bed().inRegion(), h.bed().distanceKm(), h.placedAt(), h.expiresAt(), h.decidedAt(),
					h.reasonCode());
		}

	}

}
