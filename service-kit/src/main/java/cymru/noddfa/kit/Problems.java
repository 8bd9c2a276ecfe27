package cymru.noddfa.kit;

import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details whose {@code type} is a stable URI per kind of error
 * and whose title and detail come from the service's message bundle (English and Welsh).
 */
public final class Problems {

	public static final String TYPE_BASE = "https://noddfa.cymru/problems/";

	private Problems() {
	}

	/**
	 * @param kind the stable last segment of the type URI, also the message key stem:
	 * {@code problem.<kind>.title} and {@code problem.<kind>.detail}
	 */
	public static ProblemDetail of(MessageSource messages, HttpStatusCode status, String kind, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + kind));
		problem
			.setTitle(messages.getMessage("problem." + kind + ".title", null, kind, LocaleContextHolder.getLocale()));
		problem
			.setDetail(messages.getMessage("problem." + kind + ".detail", args, null, LocaleContextHolder.getLocale()));
		return problem;
	}

}
