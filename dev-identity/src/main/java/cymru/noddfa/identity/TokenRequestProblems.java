package cymru.noddfa.identity;

import java.net.URI;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.DatabindException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A token request no real user could send is a 400 problem naming the field, in the
 * caller's language, as the gateway answered it before.
 */
@RestControllerAdvice
@RequiredArgsConstructor
class TokenRequestProblems {

	private static final String TYPE_BASE = "https://noddfa.cymru/problems/";

	private final MessageSource messages;

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex, Locale locale) {
		return problem("invalid-field", ex.field(), locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return problem("unknown-field", unknown.getPropertyName(), locale);
		}
		if (ex.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()
				&& mismatch.getPath().get(0).getPropertyName() != null) {
			return problem("invalid-field", mismatch.getPath().get(0).getPropertyName(), locale);
		}
		return problem("malformed-json", "body", locale);
	}

	private ProblemDetail problem(String type, String field, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("problem." + type + ".detail", new Object[] { field }, locale));
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(this.messages.getMessage("problem." + type + ".title", null, locale));
		problem.setProperty("field", field);
		return problem;
	}

}
