package cymru.noddfa.kit.security;

/**
 * The caller is who they say but the thing they asked for is not theirs (another
 * provider's provision, another region's referral): a 403 problem.
 */
public class AccessRefused extends RuntimeException {

	public AccessRefused(String what) {
		super("Not the caller's " + what);
	}

}
