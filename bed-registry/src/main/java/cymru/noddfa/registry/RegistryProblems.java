package cymru.noddfa.registry;

import cymru.noddfa.kit.MalformedRequestProblems;
import cymru.noddfa.kit.Problems;
import cymru.noddfa.registry.idempotency.IdempotencyKeyReused;
import cymru.noddfa.registry.idempotency.InvalidIdempotencyKey;
import cymru.noddfa.registry.provision.InvalidValue;
import cymru.noddfa.registry.provision.PreconditionRequired;
import cymru.noddfa.registry.provision.ProvisionConflict;
import cymru.noddfa.registry.provision.ProvisionExists;
import cymru.noddfa.registry.provision.ProvisionNotFound;
import cymru.noddfa.registry.provision.StaleVersion;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's errors as RFC 9457 problems, each naming the field at fault. */
@RestControllerAdvice
class RegistryProblems extends MalformedRequestProblems {

	RegistryProblems(MessageSource messages) {
		super(messages);
	}

	@ExceptionHandler(InvalidValue.class)
	ResponseEntity<ProblemDetail> invalid(InvalidValue ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.reason(), ex.field(), ex.messageArgs());
	}

	@ExceptionHandler(ProvisionNotFound.class)
	ResponseEntity<ProblemDetail> notFound(ProvisionNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "provision-not-found", "id", ex.id());
	}

	@ExceptionHandler(ProvisionExists.class)
	ResponseEntity<ProblemDetail> exists(ProvisionExists ex) {
		return problem(HttpStatus.CONFLICT, "provision-exists", "id", ex.id());
	}

	@ExceptionHandler(ProvisionConflict.class)
	ResponseEntity<ProblemDetail> conflict(ProvisionConflict ex) {
		return problem(HttpStatus.CONFLICT, "status-" + ex.reason(), "status", ex.status());
	}

	@ExceptionHandler(PreconditionRequired.class)
	ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired ex) {
		return problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", HttpHeaders.IF_MATCH);
	}

	/** The loser of a race learns what it lost to, so it can decide again. */
	@ExceptionHandler(StaleVersion.class)
	ResponseEntity<ProblemDetail> stale(StaleVersion ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.PRECONDITION_FAILED, "precondition-failed",
				ex.current().version());
		problem.setProperty("field", HttpHeaders.IF_MATCH);
		problem.setProperty("current", ex.current());
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
			.eTag("\"" + ex.current().version() + "\"")
			.body(problem);
	}

	@ExceptionHandler(IdempotencyKeyReused.class)
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key");
	}

	@ExceptionHandler(InvalidIdempotencyKey.class)
	ResponseEntity<ProblemDetail> invalidKey(InvalidIdempotencyKey ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Idempotency-Key");
	}

}
