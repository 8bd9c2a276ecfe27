package cymru.noddfa.notifications.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.contact.Role;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import jakarta.validation.constraints.Pattern;

import org.springframework.context.MessageSource;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final ProvisionOwnerRepository owners;

	private final MessageSource messages;

	AlertController(AlertRepository alerts, AlertPublisher publisher, ProvisionOwnerRepository owners,
			MessageSource messages) {
		this.alerts = alerts;
		this.owners = owners;
		this.publisher = publisher;
		this.messages = messages;
	}

	/** Its audience (and admins) only. */
	@GetMapping("/{id}")
	AlertView alert(@PathVariable UUID id, Caller caller) {
		Alert alert = this.alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
		if (!alert.readableBy(caller, this.owners.providerOf(alert.provisionId()).orElse(null))) {
			throw new AccessRefused("alert");
		}
		return AlertView.of(alert);
	}

	/**
	 * The alerts meant for the caller, newest first: a crisis team's or panel's of its
	 * region (naming another region is refused), a provider's about its own provisions,
	 * any for an admin (every region's when none is named).
	 */
	@GetMapping
	List<AlertView> alerts(@RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,8}") String region,
			@RequestParam(defaultValue = "false") boolean unacknowledged, Caller caller) {
		List<Alert> found;
		if (caller.isAdmin()) {
			found = this.alerts.find(region, null, null, unacknowledged);
		}
		else if (caller.providerId() != null && caller.actsForProvider(caller.providerId())) {
			found = this.alerts.find(region, Role.PROVIDER, this.owners.provisionsOf(caller.providerId()),
					unacknowledged);
		}
		else {
			String listed = (region != null) ? region : caller.region();
			if (!caller.seesRegion(listed)) {
				throw new AccessRefused("region's alerts");
			}
			Role audience = caller.isCrisisTeamOf(listed) ? Role.CRISIS_TEAM : Role.PANEL;
			found = this.alerts.find(listed, audience, null, unacknowledged);
		}
		return found.stream().map(AlertView::of).toList();
	}

	/**
	 * Acknowledgement from the web app or another system, by the alert's audience only,
	 * in the name of the token's subject; the first acknowledgement stands.
	 */
	@PostMapping("/{id}/acknowledgement")
	AlertView acknowledge(@PathVariable UUID id, Caller caller) {
		Alert alert = this.alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
		if (!alert.isFor(caller, this.owners.providerOf(alert.provisionId()).orElse(null))) {
			throw new AccessRefused("alert");
		}
		return this.publisher.acknowledge(id, caller.subject())
			.map(AlertView::of)
			.orElseThrow(() -> new AlertNotFound(id));
	}

	/**
	 * The page a signed link in a message opens, without a token: the signature, which
	 * binds the alert to the contact it was sent to, is the authorisation. It only asks:
	 * mail scanners follow links, so acknowledging takes the button's POST.
	 */
	@SecurityRequirements
	@GetMapping(path = "/{id}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirmPage(@PathVariable UUID id, @RequestParam UUID contact,
			@RequestParam(required = false) Long exp, @RequestParam String sig) {
		Alert alert = signed(id, contact, exp, sig);
		// the public address (through the gateway), which is where the page was opened
		String action = this.publisher.links().address(id, contact, exp, sig);
		String body = "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\"><p>"
				+ both("alert.page.question", alert.reference()) + "</p><button type=\"submit\">"
				+ both("alert.page.button") + "</button></form>";
		return page(body);
	}

	@SecurityRequirements
	@PostMapping(path = "/{id}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> acknowledgeByLink(@PathVariable UUID id, @RequestParam UUID contact,
			@RequestParam(required = false) Long exp, @RequestParam String sig) {
		Alert alert = signed(id, contact, exp, sig);
		this.publisher.acknowledge(id, "contact:" + contact);
		return page("<p>" + both("alert.page.thanks", alert.reference()) + "</p>");
	}

	private Alert signed(UUID id, UUID contact, Long exp, String sig) {
		switch (this.publisher.links().check(id, contact, exp, sig, this.publisher.now())) {
			case INVALID -> throw new BadAcknowledgementLink();
			case EXPIRED -> throw new ExpiredAcknowledgementLink();
			case VALID -> {
			}
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
