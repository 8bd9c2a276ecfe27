package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.SearchCriteria;
import cymru.noddfa.matcher.search.Sex;

/**
 * A placement request from a crisis team. Pseudonymous: the team's own reference, never a
 * name, date of birth or NHS number. It guards its own lifecycle.
 */
public record Referral(UUID id, String reference, String teamId, String regionCode, int age, Sex sex,
		List<String> needs, CurrentSetting currentSetting, double lat, double lon, String place, BedType bedType,
		Instant latestAdmissionAt, Double maxKm, ReferralStatus status, int version, Instant createdAt,
		Instant updatedAt, List<Option> outOfRegionOptions) {

	public Referral {
		needs = List.copyOf(needs);
		outOfRegionOptions = (outOfRegionOptions != null) ? List.copyOf(outOfRegionOptions) : List.of();
	}

	/**
	 * An out-of-region provision offered to the panel when nothing fits in the region.
	 */
	public record Option(String provisionId, String name, String regionCode, double distanceKm) {
	}

	/**
	 * Crisis teams and panels see the referrals of their own region only; admins manage
	 * reference data, not children's data, and providers see only the holds on their
	 * beds.
	 */
	void requireSeenBy(Caller caller) {
		if (!caller.seesRegion(this.regionCode)) {
			throw new AccessRefused("referral");
		}
	}

	/**
	 * Only a crisis team of the referral's region moves it on (holds, placement, cancel).
	 */
	void requireHandledBy(Caller caller) {
		if (!caller.isCrisisTeamOf(this.regionCode)) {
			throw new AccessRefused("referral");
		}
	}

	/** What to look for now: admission at the time of the search. */
	public SearchCriteria criteria(Instant now) {
		return new SearchCriteria(this.regionCode, this.lat, this.lon, this.age, this.sex, this.needs, this.bedType,
				now, this.maxKm);
	}

	/**
	 * The next version in {@code next}, or a conflict if the lifecycle does not allow it.
	 */
	Referral moveTo(ReferralStatus next, Instant at) {
		if (!this.status.canMoveTo(next)) {
			throw new ReferralConflict("referral-state",
					"Referral " + this.id + " cannot go from " + this.status + " to " + next);
		}
		return new Referral(this.id, this.reference, this.teamId, this.regionCode, this.age, this.sex, this.needs,
				this.currentSetting, this.lat, this.lon, this.place, this.bedType, this.latestAdmissionAt, this.maxKm,
				next, this.version + 1, this.createdAt, at, this.outOfRegionOptions);
	}

	Referral escalate(List<Option> options, Instant at) {
		Referral escalated = moveTo(ReferralStatus.ESCALATED, at);
		return new Referral(this.id, this.reference, this.teamId, this.regionCode, this.age, this.sex, this.needs,
				this.currentSetting, this.lat, this.lon, this.place, this.bedType, this.latestAdmissionAt, this.maxKm,
				escalated.status(), escalated.version(), this.createdAt, at, options);
	}

}
