package cymru.noddfa.matcher.referral;

import java.util.UUID;

/** Which hold: never to be mixed up with a referral's id. */
record HoldId(UUID value) {

	@Override
	public String toString() {
		return this.value.toString();
	}

}
