package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;

/**
 * What happened to a referral, raised by the model ({@link Referral}) and published on
 * {@code matching.referral-events.v1} by {@link ReferralEventPublisher}, the one place
 * that writes them as the contract says. Nothing about the child beyond the team's
 * pseudonymous reference.
 */
sealed interface ReferralEvent {

	About about();

	/**
	 * What every event carries: its own id, when it happened, the referral, the version
	 * the step left it at, its region and the team's reference.
	 */
	record About(UUID eventId, Instant occurredAt, ReferralId referral, long referralVersion, RegionCode region,
			String reference) {
	}

	record ReferralCreated(About about, BedType bedType, List<NeedCode> needs) implements ReferralEvent {
	}

	record ReferralEscalated(About about, List<Referral.Option> outOfRegionOptions) implements ReferralEvent {
	}

	/**
	 * A bed now fits a waiting referral; the team hears of it once while the fit lasts.
	 */
	record MatchFound(About about, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record HoldPlaced(About about, HoldId hold, String provisionId, BedType bedType,
			Instant expiresAt) implements ReferralEvent {
	}

	record HoldAccepted(About about, HoldId hold, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record HoldDeclined(About about, HoldId hold, String provisionId, BedType bedType,
			DeclineReason reason) implements ReferralEvent {
	}

	record HoldExpired(About about, HoldId hold, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record PlacementStarted(About about, PlacementId placement, String provisionId,
			BedType bedType) implements ReferralEvent {
	}

	record PlacementEnded(About about, PlacementId placement, String provisionId,
			BedType bedType) implements ReferralEvent {
	}

	/** A crisis stay is still open past its limit: the panel is told, once. */
	record CrisisStayOverran(About about, PlacementId placement, String provisionId) implements ReferralEvent {
	}

	record ReferralCancelled(About about) implements ReferralEvent {
	}

}
