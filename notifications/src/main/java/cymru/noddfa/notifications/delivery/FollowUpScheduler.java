package cymru.noddfa.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.notifications.contact.ContactRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what one attempt came to and, in the same transaction, schedules what follows
 * it: nothing more once delivered (and the event saying so), another attempt after a
 * back-off, the person's next channel, or the dead letter (and the event saying so).
 */
@Component
record FollowUpScheduler(DeliveryRepository deliveries, ContactRepository contacts, DeliveryEventPublisher events,
		TransactionTemplate transactions, DeliveryProperties properties) {

	private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);

	/**
	 * A webhook delivery whose subscription was removed is not attempted: returns
	 * {@code true} when it was cancelled for that reason.
	 */
	boolean cancelledWithItsSubscription(DeliveryRepository.Due delivery) {
		if (delivery.subscriptionId() == null || delivery.subscribed()) {
			return false;
		}
		this.transactions.executeWithoutResult((tx) -> this.deliveries.finish(delivery.claim(), delivery.attempts(),
				DeliveryStatus.CANCELLED, "subscription removed"));
		log.info("Delivery {} cancelled: its subscription {} was removed", delivery.id(), delivery.subscriptionId());
		return true;
	}

	/**
	 * Records the attempt and its consequence; returns {@code true} when it queued a new
	 * delivery (the person's next channel) that is due at once. An attempt whose claim is
	 * no longer its own (it outlived its lease and another instance claimed the delivery)
	 * records nothing: the claim that holds now decides.
	 */
	boolean record(DeliveryRepository.Due delivery, Sent result, Instant started, Instant finished) {
		int number = delivery.attempts() + 1;
		Boolean fellThrough = this.transactions.execute((tx) -> {
			if (!this.deliveries.stillClaimed(delivery.claim())) {
				log.warn("Delivery {} attempt {} ({}) outlived its claim; another claim decides, this result is "
						+ "dropped", delivery.id(), number, result.outcome());
				return false;
			}
			this.deliveries.recordAttempt(delivery.id(), number, started, Duration.between(started, finished),
					result.outcome(), result.httpStatus(), result.error());
			if (result.outcome() == Outcome.DELIVERED) {
				this.deliveries.delivered(delivery.claim(), number, finished);
				this.events.publish(delivery.delivered(number, finished));
				return false;
			}
			if (result.outcome() == Outcome.FAILED
					&& this.properties.retryPolicy().retries(number, delivery.maxAttempts())) {
				Instant next = this.properties.retryPolicy().nextAttempt(number, finished, ThreadLocalRandom.current());
				this.deliveries.retryAt(delivery.claim(), number, next, result.error());
				log.info("Delivery {} of event {} attempt {} failed ({}); next attempt at {}", delivery.id(),
						delivery.eventId(), number, result.error(), next);
				return false;
			}
			this.deliveries.finish(delivery.claim(), number, DeliveryStatus.DEAD, result.error());
			if (fellThrough(delivery)) {
				return true;
			}
			this.events.publish(delivery.deadLettered(number, finished));
			log.error(
					"Delivery {} of event {} to {} dead-lettered after {} attempts ({}); nobody was told on this route",
					delivery.id(), delivery.eventId(), delivery.recipient(), number, result.error());
			return false;
		});
		return Boolean.TRUE.equals(fellThrough);
	}

	/**
	 * When a person's channel dies, their next channel gets the same message; returns
	 * {@code false} when there is none left.
	 */
	private boolean fellThrough(DeliveryRepository.Due dead) {
		if (dead.contactId() == null || dead.channelIndex() == null) {
			return false;
		}
		Contact contact = this.contacts.find(dead.contactId()).orElse(null);
		for (int index = dead.channelIndex() + 1; contact != null && contact.channel(index) != null; index++) {
			Contact.Reach next = contact.channel(index);
			if (this.deliveries.fallThrough(dead.id(), Channel.of(next.channel()), index, next.address(),
					this.properties.fallThroughAfter())) {
				log.warn("Delivery {} to contact {} by {} failed; falling through to {}", dead.id(), contact.id(),
						dead.channel(), next.channel());
				return true;
			}
		}
		return false;
	}

}
