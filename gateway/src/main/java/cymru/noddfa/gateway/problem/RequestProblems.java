package cymru.noddfa.gateway.problem;

import cymru.noddfa.edge.FieldPath;
import lombok.RequiredArgsConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Bad input to the gateway's own endpoints (the development token issuer) is a 400
 * problem naming the field, never a 500. Errors outside controllers, such as a route that
 * is missing or a service that is down, are answered by {@link GatewayProblems}.
 */
@RestControllerAdvice
@RequiredArgsConstructor
class RequestProblems {

	private final GatewayProblems problems;

	@ExceptionHandler(ServerWebInputException.class)
	ResponseEntity<ProblemDetail> malformed(ServerWebInputException ex, ServerWebExchange exchange) {
		Throwable cause = jacksonCause(ex);
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = FieldPath.of(unknown);
			problem = this.problems.problem(exchange, HttpStatus.BAD_REQUEST, "unknown-field", field);
			problem.setProperty("field", field);
		}
		else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = FieldPath.of(jackson);
			problem = this.problems.problem(exchange, HttpStatus.BAD_REQUEST, "invalid-field", field);
			problem.setProperty("field", field);
		}
		else {
			problem = this.problems.problem(exchange, HttpStatus.BAD_REQUEST, "malformed-json");
			problem.setProperty("field", "body");
		}
		return badRequest(problem);
	}

	@ExceptionHandler(InvalidFieldException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidFieldException ex, ServerWebExchange exchange) {
		ProblemDetail problem = this.problems.problem(exchange, HttpStatus.BAD_REQUEST, "invalid-field", ex.field());
		problem.setProperty("field", ex.field());
		return badRequest(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(ProblemDetail problem) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Throwable jacksonCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException) {
				return t;
			}
		}
		return null;
	}

}
