package cymru.noddfa.notifications.delivery;

import cymru.noddfa.notifications.webhook.SigningSecrets;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Hands a due delivery to the sender of its channel: webhooks are posted as they were
 * queued; a person's email goes through GOV.UK Notify when that carries email, SMTP
 * otherwise; a text message through Notify.
 */
@Component
record ChannelSender(WebhookSender webhooks, EmailSender email, NotifyClient notifyClient, SigningSecrets secrets,
		JsonMapper json) {

	Sent send(DeliveryRepository.Due delivery) {
		if (delivery.channel() == Channel.WEBHOOK) {
			String secret = (delivery.sealedSecret() != null)
					? this.secrets.open(delivery.sealedSecret(), delivery.subscriptionId()) : delivery.secret();
			return this.webhooks.send(delivery.target(), secret, delivery.eventId().toString(),
					delivery.id().toString(), delivery.payload());
		}
		Notification notification = this.json.readValue(delivery.payload(), Notification.class);
		return switch (delivery.channel()) {
			case EMAIL -> this.notifyClient.carriesEmail()
					? this.notifyClient.email(delivery.target(), delivery.id().toString(), notification)
					: this.email.send(delivery.target(), notification);
			case SMS -> this.notifyClient.sms(delivery.target(), delivery.id().toString(), notification);
			case WEBHOOK -> throw new IllegalStateException("webhooks are sent above");
		};
	}

}
