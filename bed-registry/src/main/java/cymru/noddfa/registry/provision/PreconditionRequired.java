package cymru.noddfa.registry.provision;

/** A write that must name the version it was based on did not send {@code If-Match}. */
public class PreconditionRequired extends RuntimeException {

	PreconditionRequired() {
		super("If-Match required");
	}

}
