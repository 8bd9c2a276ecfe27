package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Sex;

/**
 * A hold as the unit that must answer it sees it: the bed asked for and the least about
 * the child that lets the unit decide (age, sex, needs). No reference, no location, no
 * free text.
 */
record UnitHold(UUID holdId, UUID referralId, String provisionId, BedType bedType, Hold.Status status, Instant placedAt,
		Instant expiresAt, Instant decidedAt, DeclineReason reasonCode, int age, Sex sex, List<String> needs) {

	UnitHold {
		needs = List.copyOf(needs);
	}

}
