package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.notifications.message.BilingualText;

/**
 * The message a recipient receives about one event: what happened to which referral, in
 * both languages. It names the referral by its pseudonymous reference and carries no
 * details of the child.
 *
 * @param eventId the CloudEvents id of the event reported
 * @param alertId the alert to acknowledge, when the message asks for action
 * @param acknowledgeUrl a signed link that acknowledges the alert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String provisionId, Instant occurredAt, BilingualText text, UUID alertId, String acknowledgeUrl) {

	public Notification(UUID eventId, String eventType, String referralId, String reference, String regionCode,
			String provisionId, Instant occurredAt, BilingualText text) {
		this(eventId, eventType, referralId, reference, regionCode, provisionId, occurredAt, text, null, null);
	}

	public Notification needingAcknowledgement(UUID alertId, String acknowledgeUrl) {
		return new Notification(this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.provisionId, this.occurredAt, this.text, alertId, acknowledgeUrl);
	}

	/**
	 * The plain text a person reads: English, then Welsh, then the link if there is one.
	 */
	public String plainText() {
		StringBuilder text = new StringBuilder(this.text.en()).append("\n\n").append(this.text.cy());
		if (this.acknowledgeUrl != null) {
			text.append("\n\n").append("Acknowledge / Cydnabod: ").append(this.acknowledgeUrl);
		}
		return text.toString();
	}

}
