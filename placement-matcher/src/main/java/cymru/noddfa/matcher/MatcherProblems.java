package cymru.noddfa.matcher;

import cymru.noddfa.kit.MalformedRequestProblems;
import cymru.noddfa.kit.Problems;
import cymru.noddfa.matcher.availability.ProvisionNotFound;
import cymru.noddfa.matcher.availability.ReadModelProperties;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import cymru.noddfa.matcher.referral.ReferralConflict;
import cymru.noddfa.matcher.referral.ReferralNotFound;
import cymru.noddfa.matcher.search.RejectedInput;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of the matcher as an RFC 9457 problem with a stable type and the field. */
@RestControllerAdvice
class MatcherProblems extends MalformedRequestProblems {

	private final ReadModelProperties readModel;

	MatcherProblems(MessageSource messages, ReadModelProperties readModel) {
		super(messages);
		this.readModel = readModel;
	}

	@ExceptionHandler(RejectedInput.class)
	ResponseEntity<ProblemDetail> rejected(RejectedInput ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, ex.kind(), ex.args());
		problem.setProperty("field", ex.field());
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Never a wrong "no beds": the client is told to come back once the rebuild is done.
	 */
	@ExceptionHandler(ReadModelUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(ReadModelUnavailable ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.SERVICE_UNAVAILABLE, "read-model-unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, this.readModel.retryAfter().toSeconds())))
			.body(problem);
	}

	/**
	 * No transaction could begin because every database connection is busy (a surge of
	 * requests): the client may retry at once; nothing was changed. A connection refused
	 * outside a transaction is the service kit's {@code database-busy}.
	 */
	@Override
	@ExceptionHandler(CannotCreateTransactionException.class)
	protected ResponseEntity<ProblemDetail> transactionNotBegun(CannotCreateTransactionException ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.SERVICE_UNAVAILABLE, "busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler(ProvisionNotFound.class)
	ResponseEntity<ProblemDetail> provisionNotFound(ProvisionNotFound ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.NOT_FOUND, "provision-not-found",
				ex.provisionId());
		problem.setProperty("field", "provisionId");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@ExceptionHandler(ReferralNotFound.class)
	ResponseEntity<ProblemDetail> referralNotFound(ReferralNotFound ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.NOT_FOUND, "not-found", ex.field());
		problem.setProperty("field", ex.field());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/** A lost race or a step the lifecycle does not allow: nothing was changed. */
	@ExceptionHandler(ReferralConflict.class)
	ResponseEntity<ProblemDetail> conflict(ReferralConflict ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.CONFLICT, ex.kind());
		problem.setProperty("field", switch (ex.kind()) {
			case "no-bed-free", "provision-unsuitable", "panel-approval-pending" -> "provisionId";
			case "hold-cap-reached" -> "sub";
			case "hold-state" -> "holdId";
			default -> "status";
		});
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
