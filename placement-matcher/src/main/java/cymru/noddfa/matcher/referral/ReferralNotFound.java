package cymru.noddfa.matcher.referral;

public class ReferralNotFound extends RuntimeException {

	private final String field;

	ReferralNotFound(String field, Object id) {
		super("No " + field + " " + id);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
