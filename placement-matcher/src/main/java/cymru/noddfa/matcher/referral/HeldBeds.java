package cymru.noddfa.matcher.referral;

import java.time.Instant;

import cymru.noddfa.matcher.availability.BedLedgerRepository;
import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;

/**
 * The beds behind holds, kept in step with them: a hold counts against its team's cap and
 * takes a bed on the ledger when placed, and gives both back when it ends. PostgreSQL
 * decides every race (the guarded updates of {@link TeamHoldRepository} and
 * {@link BedLedgerRepository}); Redis is told after commit.
 */
record HeldBeds(HoldRepository holds, TeamHoldRepository teams, BedLedgerRepository ledger,
		LedgerChangePublisher mirror, HoldProperties properties) {

	/** How long the provider has to answer a hold placed now. */
	Instant holdUntil(Instant now) {
		return now.plus(this.properties.ttl());
	}

	/**
	 * Takes the bed the referral's hold asks for: one more for the team unless it is at
	 * its cap, then one bed off the ledger unless none is free. Either refusal is a clean
	 * 409 and the transaction changes nothing.
	 */
	Hold take(HoldPlaced placed, String teamId) {
		if (!this.teams.take(teamId, this.properties.teamCap())) {
			throw new ReferralConflict("hold-cap-reached", "Team already holds " + this.properties.teamCap() + " beds");
		}
		LedgerRow row = this.ledger.hold(placed.provisionId(), placed.bedType())
			.orElseThrow(() -> new ReferralConflict("no-bed-free",
					"No " + placed.bedType() + " bed free at " + placed.provisionId()));
		ReferralEvent.Siting siting = placed.siting();
		Hold hold = Hold.placed(placed, new Hold.Bed(placed.provisionId(), placed.bedType(), row.provisionVersion(),
				teamId, siting.inRegion(), siting.distanceKm(), siting.provisionRegionCode(), siting.reason()));
		this.holds.insert(hold);
		this.mirror.taken(row);
		return hold;
	}

	/** Stores the hold's step, guarded by the status it left. */
	void record(Hold before, Hold after) {
		this.holds.update(before, after);
	}

	/** The hold ended without a placement: the team's count and the bed go back. */
	void giveBack(Hold hold) {
		this.teams.release(hold.bed().teamId());
		this.mirror.returned(this.ledger.release(hold.provisionId(), hold.bedType()));
	}

	/** The child arrived: the team's count goes back, the bed counts as placed. */
	void occupy(Hold hold) {
		this.teams.release(hold.bed().teamId());
		this.mirror.taken(this.ledger.place(hold.provisionId(), hold.bedType()));
	}

	Hold load(HoldId id) {
		return this.holds.load(id);
	}

	java.util.Optional<Hold> live(ReferralId referral) {
		return this.holds.live(referral);
	}

}
