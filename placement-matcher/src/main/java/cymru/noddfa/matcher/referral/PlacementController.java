package cymru.noddfa.matcher.referral;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Placements: the child arrives on an accepted hold, and later leaves. */
@RestController
record PlacementController(StartingAPlacement starting, EndingAPlacement ending, ReadingReferrals reading) {

	@PostMapping("/v1/referrals/{referralId}/placements")
	ResponseEntity<PlacementView> place(@PathVariable UUID referralId, Caller caller) {
		Placement placement = this.starting.start(new ReferralId(referralId), caller);
		return ResponseEntity.created(URI.create("/v1/placements/" + placement.id())).body(PlacementView.of(placement));
	}

	@GetMapping("/v1/placements/{placementId}")
	PlacementView placement(@PathVariable UUID placementId, Caller caller) {
		return PlacementView.of(this.reading.placement(new PlacementId(placementId), caller));
	}

	@PostMapping("/v1/placements/{placementId}/end")
	PlacementView end(@PathVariable UUID placementId, Caller caller) {
		return PlacementView.of(this.ending.end(new PlacementId(placementId), caller));
	}

	record PlacementView(UUID placementId, UUID referralId, UUID holdId, String provisionId, BedType bedType,
			boolean inRegion, double distanceKm, Instant startedAt, Instant endedAt) {

		static PlacementView of(Placement p) {
			Hold.Bed bed = p.bed();
			return new PlacementView(p.id().value(), p.referralId().value(), p.holdId().value(), bed.provisionId(),
					bed.bedType(), bed.inRegion(), bed.distanceKm(), p.startedAt(), p.endedAt());
		}

	}

}
