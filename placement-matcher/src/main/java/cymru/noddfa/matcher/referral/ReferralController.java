package cymru.noddfa.matcher.referral;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.reference.Gazetteer;
import cymru.noddfa.matcher.reference.Needs;
import cymru.noddfa.matcher.reference.Regions;
import cymru.noddfa.matcher.search.RejectedInput;
import cymru.noddfa.matcher.search.SearchCriteria;
import cymru.noddfa.matcher.search.SearchInput;
import cymru.noddfa.matcher.search.Sex;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals, their holds and placements. Who is asking comes from the validated token
 * ({@link Caller}): a crisis team (its subject is the team that owns the referrals it
 * creates, and the team whose holds count against the cap) or a panel of a region, or a
 * provider answering for its beds. Each read and change is in the referral's audit trail
 * under the caller's subject.
 */
@RestController
class ReferralController {

	private final ReferralStore store;

	private final Regions regions;

	private final Gazetteer gazetteer;

	private final Needs needs;

	private final Clock clock;

	ReferralController(ReferralStore store, Regions regions, Gazetteer gazetteer, Needs needs, Clock clock) {
		this.store = store;
		this.regions = regions;
		this.gazetteer = gazetteer;
		this.needs = needs;
		this.clock = clock;
	}

	/** A crisis team refers a child of its own region. */
	@PostMapping("/v1/referrals")
	ResponseEntity<ReferralView> create(@RequestBody CreateReferral request, Caller caller) {
		if (request.regionCode() != null && !caller.isCrisisTeamOf(request.regionCode())) {
			throw new AccessRefused("region");
		}
		Referral referral = this.store.create(
				request.toReferral(caller.subject(), this.regions, this.gazetteer, this.needs, this.clock.instant()));
		return ResponseEntity.created(URI.create("/v1/referrals/" + referral.id())).body(ReferralView.of(referral));
	}

	@GetMapping("/v1/referrals/{referralId}")
	ReferralView referral(@PathVariable UUID referralId, Caller caller) {
		return ReferralView.of(this.store.read(referralId, caller));
	}

	/** The referrals of the caller's region (the default) or, refused, of another. */
	@GetMapping("/v1/referrals")
	List<ReferralView> referrals(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) ReferralStatus status, Caller caller) {
		String region = (regionCode != null) ? regionCode : caller.region();
		if (!this.regions.isKnown(region)) {
			throw new RejectedInput("regionCode", "unknown-region", region);
		}
		if (!caller.seesRegion(region)) {
			throw new AccessRefused("region");
		}
		return this.store.list(region, status, caller).stream().map(ReferralView::of).toList();
	}

	@PostMapping("/v1/referrals/{referralId}/cancel")
	ReferralView cancel(@PathVariable UUID referralId, Caller caller) {
		return ReferralView.of(this.store.cancel(referralId, caller));
	}

	@GetMapping("/v1/referrals/{referralId}/holds")
	List<HoldView> holds(@PathVariable UUID referralId, Caller caller) {
		return this.store.holds(referralId, caller).stream().map(HoldView::of).toList();
	}

	/**
	 * Holds a provider must answer (those on its own beds), or a crisis team's or panel's
	 * view of its region's holds, newest first.
	 */
	@GetMapping("/v1/holds")
	List<UnitHold> unitHolds(@RequestParam(required = false) Hold.Status status, Caller caller) {
		return this.store.holdsFor(caller, status);
	}

	/** Holds the best candidate's bed, or the bed of the provision the team picked. */
	@PostMapping("/v1/referrals/{referralId}/holds")
	ResponseEntity<HoldView> hold(@PathVariable UUID referralId, @RequestBody(required = false) HoldRequest request,
			Caller caller) {
		Hold hold = this.store.hold(referralId, (request != null) ? request.provisionId() : null, caller);
		return ResponseEntity.created(URI.create("/v1/referrals/" + referralId + "/holds/" + hold.id()))
			.body(HoldView.of(hold));
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/accept")
	HoldView accept(@PathVariable UUID referralId, @PathVariable UUID holdId, Caller caller) {
		return HoldView.of(this.store.accept(referralId, holdId, caller));
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/decline")
	HoldView decline(@PathVariable UUID referralId, @PathVariable UUID holdId, @RequestBody DeclineRequest request,
			Caller caller) {
		if (request.reasonCode() == null) {
			throw new RejectedInput("reasonCode", "missing-field", "reasonCode");
		}
		return HoldView.of(this.store.decline(referralId, holdId, request.reasonCode(), caller));
	}

	@PostMapping("/v1/referrals/{referralId}/placements")
	ResponseEntity<PlacementView> place(@PathVariable UUID referralId, Caller caller) {
		Placement placement = this.store.startPlacement(referralId, caller);
		return ResponseEntity.created(URI.create("/v1/placements/" + placement.id())).body(PlacementView.of(placement));
	}

	@GetMapping("/v1/placements/{placementId}")
	PlacementView placement(@PathVariable UUID placementId, Caller caller) {
		return PlacementView.of(this.store.placement(placementId, caller));
	}

	@PostMapping("/v1/placements/{placementId}/end")
	PlacementView end(@PathVariable UUID placementId, Caller caller) {
		return PlacementView.of(this.store.endPlacement(placementId, caller));
	}

	record Location(Double lat, Double lon) {
	}

	record CreateReferral(String reference, String regionCode, Integer age, Sex sex, List<String> needs,
			CurrentSetting currentSetting, Location location, String place, BedType bedType, Instant latestAdmissionAt,
			Double maxKm) {

		Referral toReferral(String team, Regions regions, Gazetteer gazetteer, Needs vocabulary, Instant now) {
			String reference = PseudonymousReference.check(this.reference);
			if (this.sex == null) {
				throw new RejectedInput("sex", "missing-field", "sex");
			}
			SearchCriteria criteria = new SearchInput(this.regionCode,
					(this.location != null) ? this.location.lat() : null,
					(this.location != null) ? this.location.lon() : null, this.place, this.age, this.sex, this.needs,
					this.bedType, now, this.maxKm)
				.toCriteria(regions, gazetteer, vocabulary, now);
			if (this.currentSetting == null) {
				throw new RejectedInput("currentSetting", "missing-field", "currentSetting");
			}
			String place = (this.location == null) ? gazetteer.find(this.place).orElseThrow().name() : null;
			return new Referral(UUID.randomUUID(), reference, team, criteria.regionCode(), criteria.age(),
					criteria.sex(), criteria.needs(), this.currentSetting, criteria.lat(), criteria.lon(), place,
					criteria.bedType(), this.latestAdmissionAt, criteria.maxKm(), ReferralStatus.OPEN, 1, now, now,
					List.of());
		}

	}

	record HoldRequest(String provisionId) {
	}

	record DeclineRequest(DeclineReason reasonCode) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	record ReferralView(UUID id, String reference, String regionCode, int age, Sex sex, List<String> needs,
			CurrentSetting currentSetting, Location location, String place, BedType bedType, Instant latestAdmissionAt,
			Double maxKm, ReferralStatus status, int version, Instant createdAt, Instant updatedAt,
			List<Referral.Option> outOfRegionOptions) {

		static ReferralView of(Referral r) {
			return new ReferralView(r.id(), r.reference(), r.regionCode(), r.age(), r.sex(), r.needs(),
					r.currentSetting(), new Location(r.lat(), r.lon()), r.place(), r.bedType(), r.latestAdmissionAt(),
					r.maxKm(), r.status(), r.version(), r.createdAt(), r.updatedAt(), r.outOfRegionOptions());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HoldView(UUID holdId, UUID referralId, String provisionId, BedType bedType, Hold.Status status,
			boolean inRegion, double distanceKm, Instant placedAt, Instant expiresAt, Instant decidedAt,
			DeclineReason reasonCode) {

		static HoldView of(Hold h) {
			return new HoldView(h.id(), h.referralId(), h.provisionId(), h.bedType(), h.status(), h.inRegion(),
					h.distanceKm(), h.placedAt(), h.expiresAt(), h.decidedAt(), h.reasonCode());
		}

	}

	record PlacementView(UUID placementId, UUID referralId, UUID holdId, String provisionId, BedType bedType,
			boolean inRegion, double distanceKm, Instant startedAt, Instant endedAt) {

		static PlacementView of(Placement p) {
			return new PlacementView(p.id(), p.referralId(), p.holdId(), p.provisionId(), p.bedType(), p.inRegion(),
					p.distanceKm(), p.startedAt(), p.endedAt());
		}

	}

}
