package cymru.noddfa.matcher.referral;

import java.time.Instant;

import cymru.noddfa.matcher.availability.BedType;

/**
 * The bed the team asks for: its type, the latest the child may be admitted, and how far
 * the child may travel ({@code null}: no limit beyond the search radius).
 */
record BedSought(BedType bedType, Instant latestAdmissionAt, Double maxKm) {

}
