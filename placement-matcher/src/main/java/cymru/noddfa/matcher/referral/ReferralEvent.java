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
	 * the step left it at, the child's home region, the team's reference, and the
	 * referring team's region when it is another ({@code null} otherwise).
	 */
	record About(UUID eventId, Instant occurredAt, ReferralId referral, long referralVersion, RegionCode region,
			String reference, RegionCode referringRegion) {
	}

	/**
	 * Where a held or placed bed is against the child's home region: the provision's
	 * region, whether that is the home region, how far from the child, and the team's
	 * reason when it is not ({@code null} in region).
	 */
	record Siting(String provisionRegionCode, boolean inRegion, double distanceKm, OutOfRegionReason reason) {
	}

	record ReferralCreated(About about, BedType bedType, List<NeedCode> needs,
			CurrentSetting currentSetting) implements ReferralEvent {
	}

	record ReferralEscalated(About about, List<Referral.Option> outOfRegionOptions) implements ReferralEvent {
	}

	/**
	 * A bed now fits a waiting referral; the team hears of it once while the fit lasts.
	 */
	record MatchFound(About about, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record HoldPlaced(About about, HoldId hold, String provisionId, BedType bedType, Instant expiresAt,
			Siting siting) implements ReferralEvent {
	}

	/**
	 * A team asked for a non-crisis bed outside the child's home region: the home
	 * region's panel must approve it first. Raised once per referral and provision.
	 */
	record OutOfRegionApprovalRequested(About about, String provisionId, BedType bedType,
			OutOfRegionReason reason) implements ReferralEvent {
	}

	record HoldAccepted(About about, HoldId hold, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record HoldDeclined(About about, HoldId hold, String provisionId, BedType bedType,
			DeclineReason reason) implements ReferralEvent {
	}

	record HoldExpired(About about, HoldId hold, String provisionId, BedType bedType) implements ReferralEvent {
	}

	record PlacementStarted(About about, PlacementId placement, String provisionId, BedType bedType,
			Siting siting) implements ReferralEvent {
	}

	record PlacementEnded(About about, PlacementId placement, String provisionId,
			BedType bedType) implements ReferralEvent {
	}

	/** A crisis stay is still open past its limit: the panel is told, once. */
	record CrisisStayOverran(About about, PlacementId placement, String provisionId) implements ReferralEvent {
	}

	/**
	 * Withdrawn; when a hold was live, the bed it gave back ({@code null} fields
	 * otherwise), so the provider asked for it hears the request is gone.
	 */
	record ReferralCancelled(About about, HoldId hold, String provisionId, BedType bedType) implements ReferralEvent {
	}

}
