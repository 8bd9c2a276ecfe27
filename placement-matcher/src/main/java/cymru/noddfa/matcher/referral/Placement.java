package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;

/**
 * A child placed in a provision: when, in region or not, and how far from where they
 * were.
 */
public record Placement(UUID id, UUID referralId, UUID holdId, String provisionId, BedType bedType, boolean inRegion,
		double distanceKm, Instant startedAt, Instant endedAt) {

}
