package cymru.noddfa.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.outbox.RunsOnWorkerLoop;
import cymru.noddfa.outbox.WorkerLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Queues notifications for their recipients and sends what is due, from the database:
 * every delivery waits in PostgreSQL with the time of its next attempt, so nothing is
 * lost when this service restarts or a receiver is away for hours. A commit that queues
 * deliveries wakes the scheduler at once (the latency path); the poll catches everything
 * else (other instances' work, retries).
 * <p>
 * The loop never waits for the attempts it starts: each runs on a virtual thread of its
 * own, and the loop only claims as many as leave at most {@code batch-size} in flight. A
 * receiver that accepts and never answers holds its own attempt until its channel's
 * timeout, and every other delivery goes out meanwhile.
 */
@Component
@Slf4j
public class DeliveryScheduler implements RunsOnWorkerLoop, DisposableBean {

	private final DeliveryRepository deliveries;

	private final ChannelSender sender;

	private final FollowUpScheduler followUps;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer latency;

	private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final WorkerLoop loop;

	DeliveryScheduler(DeliveryRepository deliveries, ChannelSender sender, FollowUpScheduler followUps,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.sender = sender;
		this.followUps = followUps;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.latency = Timer.builder("noddfa.notifications.delivery.latency")
			.description("from the event's deliveries being queued to the recipient taking the message")
			.publishPercentileHistogram()
			.register(meters);
		this.loop = new WorkerLoop("delivery-scheduler", properties.pollInterval(), properties.batchSize(),
				this::attemptDue, (ex) -> {
					log.warn("Delivery scheduler could not claim due deliveries ({}); retrying", ex.getMessage());
					return properties.pollInterval().multipliedBy(4);
				});
	}

	/**
	 * Queues the notification for a subscription's webhook, due now, in the caller's
	 * transaction; returns whether it was new (the same event is queued once per
	 * recipient and channel).
	 */
	public boolean toWebhook(Notification notification, UUID subscriptionId, String url) {
		return queue(notification, Recipient.webhook(subscriptionId, url), null, this.clock.instant());
	}

	/**
	 * Queues the notification for a person on their first channel, due at {@code dueAt};
	 * it falls through to their next channel when this one keeps failing.
	 */
	public void toContact(Notification notification, Contact contact, UUID alertId, Instant dueAt) {
		Contact.Reach first = contact.channel(0);
		queue(notification, Recipient.contact(contact.id(), alertId, Channel.of(first.channel()), 0, first.address()),
				this.properties.fallThroughAfter(), dueAt);
	}

	private boolean queue(Notification notification, Recipient recipient, Integer maxAttempts, Instant dueAt) {
		boolean queued = this.deliveries.plan(notification, recipient, maxAttempts, dueAt);
		if (queued) {
			// sent as soon as the caller's transaction commits
			this.loop.wakeUpAfterCommit();
		}
		return queued;
	}

	/**
	 * Claims what is due, up to the room left in flight, and starts an attempt for each
	 * without waiting for any; returns how many it started.
	 */
	int attemptDue() {
		int room = this.properties.batchSize() - this.inFlight.get();
		if (room <= 0) {
			return 0;
		}
		List<DeliveryRepository.Due> due = this.deliveries.claim(room, this.properties.lease());
		for (DeliveryRepository.Due delivery : due) {
			this.inFlight.incrementAndGet();
			this.sending.execute(() -> {
				try {
					attempt(delivery);
				}
				catch (RuntimeException ex) {
					// the lease runs out and the delivery is attempted again
					log.warn("Delivery {} attempt could not be recorded ({}); it is retried after its lease",
							delivery.id(), ex.getMessage());
				}
				finally {
					// room for another attempt: look again rather than wait for the poll
					this.inFlight.decrementAndGet();
					this.loop.wakeUp();
				}
			});
		}
		return due.size();
	}

	private void attempt(DeliveryRepository.Due delivery) {
		if (this.followUps.cancelledWithItsSubscription(delivery)) {
			return;
		}
		Instant started = this.clock.instant();
		Sent result = this.sender.send(delivery);
		Instant finished = this.clock.instant();
		if (this.followUps.record(delivery, result, started, finished)) {
			this.loop.wakeUp();
		}
		if (result.outcome() == Outcome.DELIVERED) {
			this.latency.record(Duration.between(delivery.createdAt().toInstant(), finished));
		}
		this.meters
			.counter("noddfa.notifications.attempts", "channel", delivery.channel().name(), "outcome",
					result.outcome().name())
			.increment();
	}

	@Override
	public WorkerLoop loop() {
		return this.loop;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.sending.shutdown();
		// attempts under way end within their channel's timeouts; the lease covers the
		// rest
		this.sending.awaitTermination(15, TimeUnit.SECONDS);
	}

}
