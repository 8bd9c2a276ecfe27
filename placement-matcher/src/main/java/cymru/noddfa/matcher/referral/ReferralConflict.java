package cymru.noddfa.matcher.referral;

/**
 * The referral (or hold) is not in a state that allows the step, or changed meanwhile.
 */
public class ReferralConflict extends RuntimeException {

	private final String kind;

	ReferralConflict(String kind, String message) {
		super(message);
		this.kind = kind;
	}

	/**
	 * The problem type: {@code referral-state}, {@code no-bed-free},
	 * {@code hold-cap-reached}…
	 */
	public String kind() {
		return this.kind;
	}

}
