package cymru.noddfa.matcher.referral;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals, their holds and placements. {@code X-Team-Id} names the calling team (the
 * token's subject once the gateway checks identities); it owns the referrals it creates
 * and is recorded in the audit trail of every read and change.
 */
@RestController
class ReferralController {

	private static final String TEAM = "X-Team-Id";

	private static final Pattern SANE_TEAM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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

	@PostMapping("/v1/referrals")
	ResponseEntity<ReferralView> create(@RequestBody CreateReferral request,
			@RequestHeader(name = TEAM, required = false) String team) {
		Referral referral = this.store.create(request.toReferral(team(team, request.regionCode()), this.regions,
				this.gazetteer, this.needs, this.clock.instant()));
		return ResponseEntity.created(URI.create("/v1/referrals/" + referral.id())).body(ReferralView.of(referral));
	}

	@GetMapping("/v1/referrals/{referralId}")
	ReferralView referral(@PathVariable UUID referralId, @RequestHeader(name = TEAM, required = false) String team) {
		return ReferralView.of(this.store.read(referralId, team(team, null)));
	}

	@GetMapping("/v1/referrals")
	List<ReferralView> referrals(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) ReferralStatus status,
			@RequestHeader(name = TEAM, required = false) String team) {
		if (!this.regions.isKnown(regionCode)) {
			throw new RejectedInput("regionCode", "unknown-region", regionCode);
		}
		return this.store.list(regionCode, status, team(team, null)).stream().map(ReferralView::of).toList();
	}

	@PostMapping("/v1/referrals/{referralId}/cancel")
	ReferralView cancel(@PathVariable UUID referralId, @RequestHeader(name = TEAM, required = false) String team) {
		return ReferralView.of(this.store.cancel(referralId, team(team, null)));
	}

	@GetMapping("/v1/referrals/{referralId}/holds")
	List<HoldView> holds(@PathVariable UUID referralId, @RequestHeader(name = TEAM, required = false) String team) {
		return this.store.holds(referralId, team(team, null)).stream().map(HoldView::of).toList();
	}

	/** Holds the best candidate's bed, or the bed of the provision the team picked. */
	@PostMapping("/v1/referrals/{referralId}/holds")
	ResponseEntity<HoldView> hold(@PathVariable UUID referralId, @RequestBody(required = false) HoldRequest request,
			@RequestHeader(name = TEAM, required = false) String team) {
		Hold hold = this.store.hold(referralId, (request != null) ? request.provisionId() : null, team(team, null));
		return ResponseEntity.created(URI.create("/v1/referrals/" + referralId + "/holds/" + hold.id()))
			.body(HoldView.of(hold));
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/accept")
	HoldView accept(@PathVariable UUID referralId, @PathVariable UUID holdId,
			@RequestHeader(name = TEAM, required = false) String team) {
		return HoldView.of(this.store.accept(referralId, holdId, team(team, null)));
	}

	@PostMapping("/v1/referrals/{referralId}/holds/{holdId}/decline")
	HoldView decline(@PathVariable UUID referralId, @PathVariable UUID holdId, @RequestBody DeclineRequest request,
			@RequestHeader(name = TEAM, required = false) String team) {
		if (request.reasonCode() == null) {
			throw new RejectedInput("reasonCode", "missing-field", "reasonCode");
		}
		return HoldView.of(this.store.decline(referralId, holdId, request.reasonCode(), team(team, null)));
	}

	@PostMapping("/v1/referrals/{referralId}/placements")
	ResponseEntity<PlacementView> place(@PathVariable UUID referralId,
			@RequestHeader(name = TEAM, required = false) String team) {
		Placement placement = this.store.startPlacement(referralId, team(team, null));
		return ResponseEntity.created(URI.create("/v1/placements/" + placement.id())).body(PlacementView.of(placement));
	}

	@GetMapping("/v1/placements/{placementId}")
	PlacementView placement(@PathVariable UUID placementId, @RequestHeader(name = TEAM, required = false) String team) {
		return PlacementView.of(this.store.placement(placementId, team(team, null)));
	}

	@PostMapping("/v1/placements/{placementId}/end")
	PlacementView end(@PathVariable UUID placementId, @RequestHeader(name = TEAM, required = false) String team) {
		return PlacementView.of(this.store.endPlacement(placementId, team(team, null)));
	}

	private static String team(String header, String regionCode) {
		if (header != null) {
			if (!SANE_TEAM.matcher(header).matches()) {
				throw new RejectedInput(TEAM, "invalid-team");
			}
			return header;
		}
		return (regionCode != null) ? "region:" + regionCode : "unidentified";
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
