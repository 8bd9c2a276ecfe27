package cymru.noddfa.registry.idempotency;

/** The answer to a write, kept so a retry gets exactly the same one. */
public record StoredResponse(int status, String etag, String location, String body) {
}
