package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.reference.Gazetteer;
import cymru.noddfa.matcher.reference.Needs;
import cymru.noddfa.matcher.reference.Regions;
import cymru.noddfa.matcher.search.RejectedInput;
import cymru.noddfa.matcher.search.SearchCriteria;
import cymru.noddfa.matcher.search.SearchInput;
import cymru.noddfa.matcher.search.Sex;

/**
 * What a crisis team sends, checked once against the reference data and turned into
 * values: a known region, known need codes, a point (or a gazetteer town), a reference
 * that cannot identify the child. Anything else is a 400 naming the field.
 */
record ReferralIntake(Regions regions, Gazetteer gazetteer, Needs needs, Clock clock) {

	/** The body of {@code POST /v1/referrals}. */
	record Request(String reference, String regionCode, Integer age, Sex sex, List<String> needs,
			CurrentSetting currentSetting, Point location, String place, BedType bedType, Instant latestAdmissionAt,
			Double maxKm) {
	}

	/** A point as sent: either part may be missing, which is refused. */
	record Point(Double lat, Double lon) {
	}

	/**
	 * A new referral of the caller's team for a child whose home region is
	 * {@code regionCode}; the team's own region is kept beside it when it is another.
	 */
	Referral referral(Request request, Caller caller) {
		RegionCode referringRegion = ReferralAccess.requireRefers(caller);
		String reference = PseudonymousReference.check(request.reference());
		if (request.sex() == null) {
			throw new RejectedInput("sex", "missing-field", "sex");
		}
		Instant now = this.clock.instant();
		Point point = request.location();
		SearchCriteria criteria = new SearchInput(request.regionCode(), (point != null) ? point.lat() : null,
				(point != null) ? point.lon() : null, request.place(), request.age(), request.sex(), request.needs(),
				request.bedType(), now, request.maxKm())
			.toCriteria(this.regions, this.gazetteer, this.needs, now);
		if (request.currentSetting() == null) {
			throw new RejectedInput("currentSetting", "missing-field", "currentSetting");
		}
		String place = (point == null) ? this.gazetteer.find(request.place()).orElseThrow().name() : null;
		Child child = new Child(criteria.age(), criteria.sex(), NeedCode.all(criteria.needs()),
				request.currentSetting(), new Location(criteria.lat(), criteria.lon()), place);
		return Referral.open(new Referral.Asked(ReferralId.random(), reference, caller.subject(),
				new RegionCode(criteria.regionCode()), child,
				new BedSought(criteria.bedType(), request.latestAdmissionAt(), criteria.maxKm()), now,
				referringRegion));
	}

	/**
	 * The region whose referrals to list: the caller's own unless it names a known one.
	 */
	RegionCode regionToList(String regionCode, Caller caller) {
		String region = (regionCode != null) ? regionCode : caller.region();
		if (!this.regions.isKnown(region)) {
			throw new RejectedInput("regionCode", "unknown-region", region);
		}
		return new RegionCode(region);
	}

}
