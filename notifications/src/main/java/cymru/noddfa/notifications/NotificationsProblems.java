package cymru.noddfa.notifications;

import cymru.noddfa.kit.MalformedRequestProblems;
import cymru.noddfa.kit.Problems;
import cymru.noddfa.notifications.alert.AlertNotFound;
import cymru.noddfa.notifications.alert.BadAcknowledgementLink;
import cymru.noddfa.notifications.alert.ExpiredAcknowledgementLink;
import cymru.noddfa.notifications.contact.ContactNotFound;
import cymru.noddfa.notifications.subscription.SubscriptionNotFound;
import cymru.noddfa.notifications.webhook.RefusedWebhookAddress;

import org.springframework.context.MessageSource;
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
class NotificationsProblems extends MalformedRequestProblems {

	NotificationsProblems(MessageSource messages) {
		super(messages);
	}

	@ExceptionHandler(RefusedWebhookAddress.class)
	ResponseEntity<ProblemDetail> refused(RefusedWebhookAddress ex) {
		String reason = this.messages.getMessage("webhook.refused." + ex.reason().name(), null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		ProblemDetail problem = Problems.of(this.messages, HttpStatus.BAD_REQUEST, "webhook-url-refused", reason);
		problem.setProperty("field", "url");
		problem.setProperty("reason", ex.reason().name());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler({ SubscriptionNotFound.class, ContactNotFound.class, AlertNotFound.class })
	ResponseEntity<ProblemDetail> notFound(RuntimeException ex) {
		String type = switch (ex) {
			case SubscriptionNotFound notFound -> "subscription-not-found";
			case ContactNotFound notFound -> "contact-not-found";
			default -> "alert-not-found";
		};
		return problem(HttpStatus.NOT_FOUND, type, "id");
	}

	@ExceptionHandler(BadAcknowledgementLink.class)
	ResponseEntity<ProblemDetail> badLink(BadAcknowledgementLink ex) {
		return problem(HttpStatus.FORBIDDEN, "acknowledgement-link-invalid", "sig");
	}

	/** Gone: the link was genuine, and its time has passed. */
	@ExceptionHandler(ExpiredAcknowledgementLink.class)
	ResponseEntity<ProblemDetail> expiredLink(ExpiredAcknowledgementLink ex) {
		return problem(HttpStatus.GONE, "acknowledgement-link-expired", "exp");
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return missingParameter(ex);
	}

}
