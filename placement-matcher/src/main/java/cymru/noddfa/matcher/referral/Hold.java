package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;

/**
 * One bed of one provision reserved for one referral until the provider answers or it
 * expires.
 */
public record Hold(UUID id, UUID referralId, String provisionId, BedType bedType, long provisionVersion, String teamId,
		Status status, boolean inRegion, double distanceKm, Instant placedAt, Instant expiresAt, Instant decidedAt,
		DeclineReason reasonCode) {

	public enum Status {

		ACTIVE, ACCEPTED, DECLINED, EXPIRED, CANCELLED, PLACED

	}

}
