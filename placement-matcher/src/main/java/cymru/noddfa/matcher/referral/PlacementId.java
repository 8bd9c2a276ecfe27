package cymru.noddfa.matcher.referral;

import java.util.UUID;

/** Which placement: never to be mixed up with a referral's id. */
record PlacementId(UUID value) {

	@Override
	public String toString() {
		return this.value.toString();
	}

}
