package cymru.noddfa.kit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.extern.slf4j.Slf4j;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import cymru.noddfa.edge.FieldPath;
import cymru.noddfa.kit.audit.InvalidAuditQuery;
import cymru.noddfa.kit.security.AccessRefused;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The part of every service's {@code @RestControllerAdvice} that is the same everywhere:
 * malformed JSON, wrong types, unknown values and failed validation become a 400 problem
 * naming the field, and anything unforeseen a 500 problem with no stack trace. A service
 * extends it and adds handlers for its own domain errors.
 */
@Slf4j
public abstract class MalformedRequestProblems extends ResponseEntityExceptionHandler {

	private static final Set<String> TIMED_OUT = Set.of("55P03", "57014");

	protected final MessageSource messages;

	protected MalformedRequestProblems(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	/**
	 * A body cut off at the size limit surfaces as unreadable JSON: say what happened.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimit.TooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge).getBody());
			}
		}
		ProblemDetail problem;
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			String field = FieldPath.of(unknown);
			problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "unknown-field", field);
			problem.setProperty("field", field);
		}
		else if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = FieldPath.of(jackson);
			problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "invalid-field", field);
			problem.setProperty("field", field);
		}
		else {
			problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "malformed-json");
			problem.setProperty("field", "body");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message",
					this.messages.getMessage(error, org.springframework.context.i18n.LocaleContextHolder.getLocale())))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", result.getMethodParameter().getParameterName(), "message",
						this.messages.getMessage(error,
								org.springframework.context.i18n.LocaleContextHolder.getLocale()))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@ExceptionHandler(RequestBodyLimit.TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimit.TooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "body", ex.limit());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "invalid-field", ex.getName());
		problem.setProperty("field", ex.getName());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(InvalidAuditQuery.class)
	ResponseEntity<ProblemDetail> invalidAuditQuery(InvalidAuditQuery ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "invalid-field", ex.field());
		problem.setProperty("field", ex.field());
		return ResponseEntity.badRequest().body(problem);
	}

	/** Object-level refusal: the caller is known, the thing asked for is not theirs. */
	@ExceptionHandler(AccessRefused.class)
	ResponseEntity<ProblemDetail> accessRefused(AccessRefused ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Problems.of(this.messages, HttpStatus.FORBIDDEN, "forbidden"));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(Problems.of(this.messages, HttpStatus.UNAUTHORIZED, "unauthorized"));
	}

	/**
	 * The database did not answer in time: no connection free within the pool's
	 * connection timeout, a row lock not granted within {@code lock_timeout}, a statement
	 * over {@code statement_timeout}. Nothing was changed and trying again shortly is the
	 * right thing to do, so a 503 with {@code Retry-After}, not a 500.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, CannotGetJdbcConnectionException.class })
	ResponseEntity<ProblemDetail> databaseBusy(DataAccessException ex) {
		return busyDatabase(ex);
	}

	/**
	 * A transaction that could not begin because no connection came free in time: the
	 * same busy database, met by a transaction template rather than by a statement. A
	 * service with advice of its own for this overrides the method.
	 */
	@ExceptionHandler(CannotCreateTransactionException.class)
	protected ResponseEntity<ProblemDetail> transactionNotBegun(CannotCreateTransactionException ex) {
		return busyDatabase(ex);
	}

	private ResponseEntity<ProblemDetail> busyDatabase(Exception ex) {
		log.warn("The database did not answer in time ({}); answered 503, the caller may retry",
				ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "2")
			.body(Problems.of(this.messages, HttpStatus.SERVICE_UNAVAILABLE, "database-busy"));
	}

	/**
	 * PostgreSQL's {@code lock_not_available} (55P03, {@code lock_timeout}) and
	 * {@code query_canceled} (57014, {@code statement_timeout}) reach us uncategorized.
	 */
	@ExceptionHandler(UncategorizedSQLException.class)
	ResponseEntity<ProblemDetail> uncategorized(UncategorizedSQLException ex) {
		String state = (ex.getSQLException() != null) ? ex.getSQLException().getSQLState() : null;
		return TIMED_OUT.contains(state) ? databaseBusy(ex) : unforeseen(ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unforeseen(Exception ex) {
		log.error("Request failed unexpectedly; answered 500 without details", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(this.messages, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
	}

	/** A problem of {@code kind} that names the request {@code field} at fault. */
	protected ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String field, Object... args) {
		ProblemDetail problem = Problems.of(this.messages, status, kind, args);
		problem.setProperty("field", field);
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * A required parameter left out, as a 400 {@code missing-parameter} problem naming
	 * it: for a service whose message bundle words that problem, to return from
	 * {@link #handleMissingServletRequestParameter}.
	 */
	protected ResponseEntity<Object> missingParameter(MissingServletRequestParameterException ex) {
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "missing-parameter",
				ex.getParameterName());
		problem.setProperty("field", ex.getParameterName());
		return ResponseEntity.badRequest().body(problem);
	}

	private ProblemDetail invalid(List<Map<String, String>> errors) {
		String fields = errors.stream().map((e) -> e.get("field")).distinct().collect(Collectors.joining(", "));
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "invalid-field", fields);
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).get("field"));
		}
		problem.setProperty("errors", errors);
		return problem;
	}

}
