package cymru.noddfa.registry.idempotency;

/** The key was first used for a different request. */
public class IdempotencyKeyReused extends RuntimeException {

	IdempotencyKeyReused() {
		super("Idempotency-Key used before for a different request");
	}

}
