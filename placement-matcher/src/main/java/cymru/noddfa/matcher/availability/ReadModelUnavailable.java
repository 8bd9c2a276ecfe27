package cymru.noddfa.matcher.availability;

/**
 * The Redis read model is empty or being rebuilt. Answering "no beds" from it would be a
 * wrong answer, so callers are told to come back shortly.
 */
public class ReadModelUnavailable extends RuntimeException {

	public ReadModelUnavailable() {
		super("The availability read model is being rebuilt");
	}

	public ReadModelUnavailable(Throwable cause) {
		super("The availability read model cannot be reached", cause);
	}

}
