package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.referral.ReferralEvent.About;
import cymru.noddfa.matcher.referral.ReferralEvent.CrisisStayOverran;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldAccepted;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldDeclined;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldExpired;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;
import cymru.noddfa.matcher.referral.ReferralEvent.MatchFound;
import cymru.noddfa.matcher.referral.ReferralEvent.OutOfRegionApprovalRequested;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementEnded;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCancelled;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCreated;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralEscalated;
import cymru.noddfa.matcher.search.SearchCriteria;

/**
 * A placement request from a crisis team. Pseudonymous: the team's own reference, never a
 * name, date of birth or NHS number. It guards its own lifecycle (DESIGN §3): each step
 * refuses from the wrong status, adds one to the version and returns the event it causes.
 */
final class Referral {

	/**
	 * An out-of-region provision offered to the panel when nothing fits in the region.
	 */
	record Option(String provisionId, String name, String regionCode, double distanceKm) {
	}

	/**
	 * What the team asked for, fixed once the referral is made: whose it is, the child's
	 * home region (which decides "in region" and whose team and panel act), for which
	 * child and which bed, and the referring team's region when that is another region
	 * ({@code null} otherwise). The reference is {@code null} once the referral is
	 * anonymised after retention.
	 */
	record Asked(ReferralId id, String reference, String teamId, RegionCode region, Child child, BedSought sought,
			Instant createdAt, RegionCode referringRegion) {

		Asked {
			if (region.equals(referringRegion)) {
				referringRegion = null;
			}
		}

	}

	private final Asked asked;

	private ReferralStatus status;

	private int version;

	private Instant updatedAt;

	private List<Option> outOfRegionOptions;

	/** A referral as it was stored. */
	Referral(Asked asked, ReferralStatus status, int version, Instant updatedAt, List<Option> outOfRegionOptions) {
		this.asked = asked;
		this.status = status;
		this.version = version;
		this.updatedAt = updatedAt;
		this.outOfRegionOptions = (outOfRegionOptions != null) ? List.copyOf(outOfRegionOptions) : List.of();
	}

	/** A new referral, open at version 1. */
	static Referral open(Asked asked) {
		return new Referral(asked, ReferralStatus.OPEN, 1, asked.createdAt(), List.of());
	}

	ReferralCreated created() {
		return new ReferralCreated(about(this.asked.createdAt()), bedType(), this.asked.child().needs(),
				this.asked.child().setting());
	}

	/** Nothing fits in the region: the panel is told, with what fits elsewhere. */
	ReferralEscalated escalate(List<Option> options, Instant at) {
		moveTo(ReferralStatus.ESCALATED, at);
		this.outOfRegionOptions = List.copyOf(options);
		return new ReferralEscalated(about(at), this.outOfRegionOptions);
	}

	/** A bed now fits; the referral itself does not change. */
	MatchFound matchFound(String provisionId, Instant at) {
		return new MatchFound(about(at), provisionId, bedType());
	}

	/** A waiting referral holds a bed, for the hold {@link Hold#placed} makes of this. */
	HoldPlaced offer(String provisionId, ReferralEvent.Siting siting, Instant expiresAt, Instant at) {
		requireWaiting();
		moveTo(ReferralStatus.OFFERED, at);
		return new HoldPlaced(about(at), new HoldId(UUID.randomUUID()), provisionId, bedType(), expiresAt, siting);
	}

	/**
	 * The team asks the panel of the child's home region to approve a bed elsewhere; the
	 * referral itself does not change.
	 */
	OutOfRegionApprovalRequested approvalRequested(String provisionId, OutOfRegionReason reason, Instant at) {
		requireWaiting();
		return new OutOfRegionApprovalRequested(about(at), provisionId, bedType(), reason);
	}

	HoldAccepted holdAccepted(Hold accepted) {
		moveTo(ReferralStatus.ACCEPTED, accepted.decidedAt());
		return new HoldAccepted(about(accepted.decidedAt()), accepted.id(), accepted.provisionId(), accepted.bedType());
	}

	/**
	 * The hold ended without the child (declined or expired): the referral waits again.
	 */
	ReferralEvent holdReleased(Hold released) {
		Instant at = released.decidedAt();
		moveTo(ReferralStatus.OPEN, at);
		if (released.status() == Hold.Status.DECLINED) {
			return new HoldDeclined(about(at), released.id(), released.provisionId(), released.bedType(),
					released.reasonCode());
		}
		return new HoldExpired(about(at), released.id(), released.provisionId(), released.bedType());
	}

	/** The child arrived, for the placement {@link Placement#started} makes of this. */
	PlacementStarted place(Hold placed) {
		moveTo(ReferralStatus.PLACED, placed.decidedAt());
		PlacementId placement = new PlacementId(UUID.randomUUID());
		return new PlacementStarted(about(placed.decidedAt()), placement, placed.provisionId(), placed.bedType(),
				placed.bed().siting());
	}

	PlacementEnded end(Placement ended) {
		moveTo(ReferralStatus.ENDED, ended.endedAt());
		Hold.Bed bed = ended.bed();
		return new PlacementEnded(about(ended.endedAt()), ended.id(), bed.provisionId(), bed.bedType());
	}

	/** A crisis stay still open past its limit; the referral itself does not change. */
	CrisisStayOverran overran(Placement placement, Instant at) {
		return new CrisisStayOverran(about(at), placement.id(), placement.provisionId());
	}

	/** Withdrawn from any open status, giving back the hold that was live, if any. */
	ReferralCancelled cancel(Hold live, Instant at) {
		moveTo(ReferralStatus.CANCELLED, at);
		return (live != null) ? new ReferralCancelled(about(at), live.id(), live.provisionId(), live.bedType())
				: new ReferralCancelled(about(at), null, null, null);
	}

	/** What to look for now: admission at the time of the search. */
	SearchCriteria criteria(Instant now) {
		Child child = this.asked.child();
		return new SearchCriteria(region().code(), child.location().lat(), child.location().lon(), child.age(),
				child.sex(), NeedCode.codes(child.needs()), bedType(), now, this.asked.sought().maxKm());
	}

	boolean isWaiting() {
		return this.status.isWaiting();
	}

	void requireWaiting() {
		if (!isWaiting()) {
			throw new ReferralConflict("referral-state",
					"Referral " + id() + " is " + this.status + "; only a waiting referral can hold a bed");
		}
	}

	private void moveTo(ReferralStatus next, Instant at) {
		if (!this.status.canMoveTo(next)) {
			throw new ReferralConflict("referral-state",
					"Referral " + id() + " cannot go from " + this.status + " to " + next);
		}
		this.status = next;
		this.version++;
		this.updatedAt = at;
	}

	private About about(Instant at) {
		return new About(UUID.randomUUID(), at, id(), this.version, region(), this.asked.reference(),
				this.asked.referringRegion());
	}

	Asked asked() {
		return this.asked;
	}

	ReferralId id() {
		return this.asked.id();
	}

	RegionCode region() {
		return this.asked.region();
	}

	/** The referring team's region when it is not the child's home region. */
	RegionCode referringRegion() {
		return this.asked.referringRegion();
	}

	String teamId() {
		return this.asked.teamId();
	}

	BedType bedType() {
		return this.asked.sought().bedType();
	}

	ReferralStatus status() {
		return this.status;
	}

	int version() {
		return this.version;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	List<Option> outOfRegionOptions() {
		return this.outOfRegionOptions;
	}

}
