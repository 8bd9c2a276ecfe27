package cymru.noddfa.registry.provision;

import java.net.URI;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cymru.noddfa.kit.audit.AuditTrail;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.registry.idempotency.IdempotencyStore;
import cymru.noddfa.registry.idempotency.StoredResponse;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How every provision write is answered: at most once per {@code Idempotency-Key} (a
 * retry gets the first answer again), with the provision's whole new state as the body
 * and its version as the ETag; {@code If-Match} is read as the version the writer saw.
 * <p>
 * One write is one transaction: the key's claim, the provision's change, its history, its
 * event in the outbox, the key's stored answer and the request's audit row commit
 * together, so a write is never half recorded and pays for one commit.
 */
@Component
@RequiredArgsConstructor
class ProvisionWrites {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

	private final ProvisionStore provisions;

	private final IdempotencyStore idempotency;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	/** Runs the write once for the caller's key and request; a retry gets its answer. */
	ResponseEntity<String> once(Caller caller, String key, HttpServletRequest http, String ifMatch, Object body,
			Supplier<StoredResponse> write) {
		return respond(this.transactions.execute((tx) -> {
			StoredResponse response = this.idempotency.once(caller.subject(), key,
					() -> fingerprint(http, ifMatch, body), write);
			this.audit.recordWithChange(http, response.status());
			return response;
		}));
	}

	/**
	 * A change to a stored provision whose {@code If-Match} is optional: a one-tap
	 * confirmation or status change.
	 */
	ResponseEntity<String> change(String id, String ifMatch, String key, Caller caller, HttpServletRequest http,
			Object body, ActorChange change) {
		Long expected = (ifMatch != null) ? version(ifMatch) : null;
		return once(caller, key, http, ifMatch, body, () -> answer(200, this.provisions.change(id, caller, expected,
				(provision, at) -> change.apply(provision, caller.subject(), at)), null));
	}

	StoredResponse answer(int status, ProvisionStore.Written written, String location) {
		return new StoredResponse(status, etag(written.provision().version()), location, written.state());
	}

	private static ResponseEntity<String> respond(StoredResponse response) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(response.etag());
		if (response.location() != null) {
			builder.location(URI.create(response.location()));
		}
		return builder.body(response.body());
	}

	private String fingerprint(HttpServletRequest http, String ifMatch, Object body) {
		return http.getMethod() + " " + http.getRequestURI() + "\n" + ifMatch + "\n"
				+ this.json.writeValueAsString(body);
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	static long requiredVersion(String ifMatch) {
		if (ifMatch == null) {
			throw new PreconditionRequired();
		}
		return version(ifMatch);
	}

	private static long version(String ifMatch) {
		Matcher matcher = ETAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw new InvalidValue(HttpHeaders.IF_MATCH, "invalid-etag", ifMatch);
		}
		return Long.parseLong(matcher.group(1));
	}

	/** A change made by the caller ({@code by}) at the given time. */
	@FunctionalInterface
	interface ActorChange {

		void apply(Provision provision, String by, Instant at);

	}

}
