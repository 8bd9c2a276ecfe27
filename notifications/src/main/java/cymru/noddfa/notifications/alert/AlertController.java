package cymru.noddfa.notifications.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cymru.noddfa.notifications.contact.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

@RestController
@RequestMapping("/v1/alerts")
class AlertController {

	private static final Locale WELSH = Locale.forLanguageTag("cy");

	private final AlertRepository alerts;

	private final AlertPublisher publisher;

	private final MessageSource messages;

	AlertController(AlertRepository alerts, AlertPublisher publisher, MessageSource messages) {
		this.alerts = alerts;
		this.publisher = publisher;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	AlertView alert(@PathVariable UUID id) {
		return this.alerts.find(id).map(AlertView::of).orElseThrow(() -> new AlertNotFound(id));
	}

	@GetMapping
	List<AlertView> alerts(@RequestParam @Pattern(regexp = "[A-Z]{2,8}") String region,
			@RequestParam(defaultValue = "false") boolean unacknowledged) {
		return this.alerts.forRegion(region, unacknowledged).stream().map(AlertView::of).toList();
	}

	/** Acknowledgement from the web app or another system. */
	@PostMapping("/{id}/acknowledgement")
	AlertView acknowledge(@PathVariable UUID id, @Valid @RequestBody Acknowledgement acknowledgement) {
		return this.publisher.acknowledge(id, acknowledgement.by())
			.map(AlertView::of)
			.orElseThrow(() -> new AlertNotFound(id));
	}

	/**
	 * The page a signed link in a message opens. It only asks: mail scanners follow
	 * links, so acknowledging takes the button's POST.
	 */
	@GetMapping(path = "/{id}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmPage(@PathVariable UUID id, @RequestParam UUID contact, @RequestParam String sig) {
		Alert alert = signed(id, contact, sig);
		String action = "/v1/alerts/" + id + "/acknowledge?contact=" + contact + "&sig=" + sig;
		String body = "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\"><p>"
				+ both("alert.page.question", alert.reference()) + "</p><button type=\"submit\">"
				+ both("alert.page.button") + "</button></form>";
		return page(body);
	}

	@PostMapping(path = "/{id}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> acknowledgeByLink(@PathVariable UUID id, @RequestParam UUID contact,
			@RequestParam String sig) {
		Alert alert = signed(id, contact, sig);
		this.publisher.acknowledge(id, "contact:" + contact);
		return page("<p>" + both("alert.page.thanks", alert.reference()) + "</p>");
	}

	private Alert signed(UUID id, UUID contact, String sig) {
		if (!this.publisher.links().valid(id, contact, sig)) {
			throw new BadAcknowledgementLink();
		}
		return this.alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
	}

	private String both(String key, Object... args) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, args, Locale.ENGLISH)) + "<br><span lang=\"cy\">"
				+ HtmlUtils.htmlEscape(this.messages.getMessage(key, args, WELSH)) + "</span>";
	}

	private ResponseEntity<String> page(String body) {
		String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width\"><title>Noddfa</title></head><body>" + body
				+ "</body></html>";
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
	}

	/**
	 * @param by who acknowledged: a user id or a name, never a child's details
	 */
	record Acknowledgement(@NotBlank @Size(max = 200) String by) {
	}

	record AlertView(UUID id, UUID eventId, String eventType, String referralId, String reference, String regionCode,
			String provisionId, Role audience, boolean needsAcknowledgement, int level, Instant nextEscalationAt,
			Instant acknowledgedAt, String acknowledgedBy) {

		static AlertView of(Alert a) {
			return new AlertView(a.id(), a.eventId(), a.eventType(), a.referralId(), a.reference(), a.regionCode(),
					a.provisionId(), a.audience().role(), a.audience().needsAcknowledgement(), a.level(),
					a.nextEscalationAt(), a.acknowledgedAt(), a.acknowledgedBy());
		}

	}

}
