package cymru.noddfa.registry.idempotency;

public class InvalidIdempotencyKey extends RuntimeException {

	InvalidIdempotencyKey() {
		super("Idempotency-Key must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
	}

}
