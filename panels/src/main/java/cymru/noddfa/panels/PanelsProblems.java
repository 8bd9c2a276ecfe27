package cymru.noddfa.panels;

import cymru.noddfa.kit.MalformedRequestProblems;
import cymru.noddfa.kit.Problems;
import cymru.noddfa.panels.casework.CaseClosed;
import cymru.noddfa.panels.casework.CaseNotFound;
import cymru.noddfa.panels.casework.InvalidDecision;
import cymru.noddfa.panels.casework.NotYourCase;
import cymru.noddfa.panels.outcome.InvalidPeriod;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

@RestControllerAdvice
class PanelsProblems extends MalformedRequestProblems {

	PanelsProblems(MessageSource messages) {
		super(messages);
	}

	@ExceptionHandler(CaseNotFound.class)
	ResponseEntity<ProblemDetail> notFound(CaseNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "case-not-found", "id");
	}

	@ExceptionHandler(CaseClosed.class)
	ResponseEntity<ProblemDetail> closed(CaseClosed ex) {
		return problem(HttpStatus.CONFLICT, "case-closed", "id");
	}

	@ExceptionHandler(NotYourCase.class)
	ResponseEntity<ProblemDetail> notYours(NotYourCase ex) {
		return problem(HttpStatus.FORBIDDEN, "not-your-case", ex.field());
	}

	@ExceptionHandler(InvalidDecision.class)
	ResponseEntity<ProblemDetail> invalidDecision(InvalidDecision ex) {
		String reason = this.messages.getMessage("decision.invalid." + ex.reason(), new Object[] { ex.field() },
				LocaleContextHolder.getLocale());
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "invalid-decision", reason);
		problem.setProperty("field", ex.field());
		problem.setProperty("reason", ex.reason());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidPeriod.class)
	ResponseEntity<ProblemDetail> invalidPeriod(InvalidPeriod ex) {
		String reason = this.messages.getMessage("period.invalid." + ex.reason(), new Object[] { ex.field() },
				ex.reason(), LocaleContextHolder.getLocale());
		return problem(HttpStatus.BAD_REQUEST, "invalid-period", ex.field(), reason);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return missingParameter(ex);
	}

}
