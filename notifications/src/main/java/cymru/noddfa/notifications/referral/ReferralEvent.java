package cymru.noddfa.notifications.referral;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code matching.referral-events.v1} event this service reads. The
 * matcher owns the contract; new fields it adds are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReferralEvent(String type, String referralId, long referralVersion, Instant occurredAt, String regionCode,
		String reference, String provisionId, String bedType) {

	static final String TOPIC = "matching.referral-events.v1";

}
