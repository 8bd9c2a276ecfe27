package cymru.noddfa.matcher.referral;

import java.util.UUID;

/** Which referral: never to be mixed up with a hold's or a placement's id. */
record ReferralId(UUID value) {

	static ReferralId random() {
		return new ReferralId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
