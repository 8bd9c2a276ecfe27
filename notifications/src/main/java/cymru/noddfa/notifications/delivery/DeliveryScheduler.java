package cymru.noddfa.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.notifications.contact.ContactRepository;
import cymru.noddfa.notifications.webhook.WebhookSender;
import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due, from the database: every delivery waits in PostgreSQL with the time
 * of its next attempt, so nothing is lost when this service restarts or a receiver is
 * away for hours. A commit that queues deliveries wakes the scheduler at once (the
 * latency path); the poll catches everything else (other instances' work, retries).
 */
@Component
public class DeliveryScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

	static final String TOPIC = "notifications.delivery-events.v1";

	private final DeliveryRepository deliveries;

	private final WebhookSender webhooks;

	private final EmailSender email;

	private final NotifyClient notify;

	private final ContactRepository contacts;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final JsonMapper json;

	private final DeliveryProperties properties;

	private final RetryPolicy retries;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer latency;

	private final Semaphore wakeUps = new Semaphore(0);

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean running;

	private Thread worker;

	DeliveryScheduler(DeliveryRepository deliveries, WebhookSender webhooks, EmailSender email, NotifyClient notify,
			ContactRepository contacts, TransactionTemplate transactions, Outbox outbox, JsonMapper json,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.email = email;
		this.notify = notify;
		this.contacts = contacts;
		this.transactions = transactions;
		this.outbox = outbox;
		this.json = json;
		this.properties = properties;
		this.retries = properties.retryPolicy();
		this.clock = clock;
		this.meters = meters;
		this.latency = Timer.builder("noddfa.notifications.delivery.latency")
			.description("from the event's deliveries being queued to the recipient taking the message")
			.publishPercentileHistogram()
			.register(meters);
	}

	/** Wakes the scheduler once the current transaction has committed its deliveries. */
	public void wakeUpAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					DeliveryScheduler.this.wakeUps.release();
				}
			});
		}
		else {
			this.wakeUps.release();
		}
	}

	/** Claims and attempts one batch of due deliveries; returns how many it attempted. */
	int attemptDue() {
		List<DeliveryRepository.Due> due = this.deliveries.claim(this.properties.batchSize(), this.properties.lease());
		List<Future<?>> attempts = new ArrayList<>(due.size());
		for (DeliveryRepository.Due delivery : due) {
			attempts.add(this.senders.submit(() -> attempt(delivery)));
		}
		for (Future<?> attempt : attempts) {
			try {
				attempt.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (Exception ex) {
				// the lease runs out and the delivery is attempted again
				log.warn("Delivery attempt could not be recorded ({}); it is retried after its lease", ex.getMessage());
			}
		}
		return due.size();
	}

	private void attempt(DeliveryRepository.Due delivery) {
		Instant started = this.clock.instant();
		int number = delivery.attempts() + 1;
		if (delivery.subscriptionId() != null && delivery.secret() == null) {
			this.transactions.executeWithoutResult((tx) -> this.deliveries.finish(delivery.id(), delivery.attempts(),
					DeliveryStatus.CANCELLED, "subscription removed"));
			log.info("Delivery {} cancelled: its subscription {} was removed", delivery.id(),
					delivery.subscriptionId());
			return;
		}
		Sent result = send(delivery);
		Instant finished = this.clock.instant();
		this.transactions.executeWithoutResult((tx) -> {
			this.deliveries.recordAttempt(delivery.id(), number, started, Duration.between(started, finished),
					result.outcome(), result.httpStatus(), result.error());
			if (result.outcome() == Outcome.DELIVERED) {
				this.deliveries.delivered(delivery.id(), number, finished);
				this.latency.record(Duration.between(delivery.createdAt().toInstant(), finished));
				publish("NotificationDelivered", delivery, number, finished);
			}
			else if (result.outcome() == Outcome.FAILED && this.retries.retries(number, delivery.maxAttempts())) {
				Instant next = this.retries.nextAttempt(number, finished, ThreadLocalRandom.current());
				this.deliveries.retryAt(delivery.id(), number, next, result.error());
				log.info("Delivery {} of event {} attempt {} failed ({}); next attempt at {}", delivery.id(),
						delivery.eventId(), number, result.error(), next);
			}
			else {
				this.deliveries.finish(delivery.id(), number, DeliveryStatus.DEAD, result.error());
				if (!fellThrough(delivery)) {
					publish("NotificationDeadLettered", delivery, number, finished);
					log.error(
							"Delivery {} of event {} to {} dead-lettered after {} attempts ({}); nobody was told "
									+ "on this route",
							delivery.id(), delivery.eventId(), delivery.recipient(), number, result.error());
				}
			}
		});
		this.meters
			.counter("noddfa.notifications.attempts", "channel", delivery.channel(), "outcome", result.outcome().name())
			.increment();
	}

	private Sent send(DeliveryRepository.Due delivery) {
		if ("WEBHOOK".equals(delivery.channel())) {
			WebhookSender.Result result = this.webhooks.send(delivery.target(), delivery.secret(),
					delivery.eventId().toString(), delivery.id().toString(), delivery.payload());
			return new Sent(Outcome.valueOf(result.outcome().name()), result.httpStatus(), result.error());
		}
		Notification notification = this.json.readValue(delivery.payload(), Notification.class);
		return switch (delivery.channel()) {
			case "EMAIL" -> this.notify.carriesEmail()
					? this.notify.email(delivery.target(), delivery.id().toString(), notification)
					: this.email.send(delivery.target(), notification);
			case "SMS" -> this.notify.sms(delivery.target(), delivery.id().toString(), notification);
			default -> Sent.refused("no sender for channel " + delivery.channel());
		};
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
			if (this.deliveries.fallThrough(dead.id(), next.channel().name(), index, next.address(),
					this.properties.fallThroughAfter())) {
				log.warn("Delivery {} to contact {} by {} failed; falling through to {}", dead.id(), contact.id(),
						dead.channel(), next.channel());
				wakeUpAfterCommit();
				return true;
			}
		}
		return false;
	}

	private void publish(String type, DeliveryRepository.Due delivery, int attempts, Instant at) {
		UUID eventId = UUID.randomUUID();
		DeliveryEvent event = new DeliveryEvent(eventId, type, delivery.id(), delivery.eventId(), delivery.eventType(),
				delivery.referralId(), delivery.reference(), delivery.regionCode(), delivery.recipient(),
				delivery.channel(), attempts, at);
		String key = (delivery.referralId() != null) ? delivery.referralId() : delivery.id().toString();
		this.outbox.append(new OutboxMessage(eventId, TOPIC, key, "cymru.noddfa.notifications." + type + ".v1",
				delivery.id().toString(), at, this.json.writeValueAsString(event)));
	}

	private void run() {
		while (this.running) {
			try {
				this.wakeUps.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
				while (this.running && attemptDue() == this.properties.batchSize()) {
					// a full batch means more may be due: keep going
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Delivery scheduler could not claim due deliveries ({}); retrying", ex.getMessage());
				try {
					Thread.sleep(this.properties.pollInterval().multipliedBy(4));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.running = true;
			this.worker = Thread.ofPlatform().name("delivery-scheduler").daemon(true).start(this::run);
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.worker != null) {
			this.worker.interrupt();
			try {
				this.worker.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.senders.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The payload of {@code notifications.delivery-events.v1}: lets the matcher and the
	 * web app show that a recipient has been told.
	 */
	record DeliveryEvent(UUID eventId, String type, UUID deliveryId, UUID sourceEventId, String sourceEventType,
			String referralId, String reference, String regionCode, String recipient, String channel, int attempts,
			Instant occurredAt) {

	}

}
