package cymru.noddfa.notifications.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class DeliveryRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Queues a notification for one recipient on one channel, due at {@code dueAt}. A
	 * second call for the same event, recipient and channel changes nothing: that is what
	 * makes a redelivered event send once.
	 */
	boolean plan(Notification notification, Recipient recipient, Integer maxAttempts, Instant dueAt) {
		return this.jdbc
			.sql("""
					insert into deliveries (id, event_id, event_type, referral_id, reference, region_code, recipient, channel,
					                        subscription_id, contact_id, alert_id, channel_index, max_attempts, target,
					                        payload, status, next_attempt_at, created_at)
					values (:id, :eventId, :eventType, :referralId, :reference, :region, :recipient, :channel,
					        :subscriptionId, :contactId, :alertId, :channelIndex, :maxAttempts, :target,
					        :payload, 'PENDING', :dueAt, now())
					on conflict (event_id, recipient, channel) do nothing
					""")
			.param("id", UUID.randomUUID())
			.param("eventId", notification.eventId())
			.param("eventType", notification.eventType())
			.param("referralId", notification.referralId())
			.param("reference", notification.reference())
			.param("region", notification.regionCode())
			.param("recipient", recipient.key())
			.param("channel", recipient.channel().name())
			.param("subscriptionId", recipient.subscriptionId())
			.param("contactId", recipient.contactId())
			.param("alertId", recipient.alertId())
			.param("channelIndex", recipient.channelIndex())
			.param("maxAttempts", maxAttempts)
			.param("target", recipient.target())
			.param("payload", this.json.writeValueAsString(notification))
			.param("dueAt", Timestamp.from(dueAt))
			.update() == 1;
	}

	/**
	 * Takes up to {@code limit} due deliveries for this instance by pushing their next
	 * attempt out by the lease, each under a new claim token. {@code skip locked} lets
	 * several instances claim side by side without ever taking the same delivery; the
	 * token fences what follows, once the lease has run out and another instance may have
	 * claimed it again.
	 */
	List<Due> claim(int limit, Duration lease) {
		return this.jdbc.sql("""
				with due as (
				    select id from deliveries
				    where status = 'PENDING' and next_attempt_at <= now()
				    order by next_attempt_at
				    limit :limit
				    for update skip locked)
				update deliveries d set next_attempt_at = now() + make_interval(secs => :leaseSeconds),
				                        claim_token = gen_random_uuid()
				from due where d.id = due.id
				returning d.id, d.claim_token, d.event_id, d.event_type, d.referral_id, d.reference, d.region_code,
				          d.recipient, d.channel, d.subscription_id, d.contact_id, d.alert_id, d.channel_index,
				          d.max_attempts, d.target, d.payload, d.attempts, d.created_at,
				          exists (select 1 from subscriptions s where s.id = d.subscription_id) as subscribed,
				          (select s.secret_sealed from subscriptions s where s.id = d.subscription_id) as sealed_secret,
				          (select s.secret from subscriptions s where s.id = d.subscription_id) as secret
				""")
			.param("limit", limit)
			.param("leaseSeconds", (double) lease.toMillis() / 1000)
			.query(Due.class)
			.list();
	}

	/**
	 * Queues the same message for the same person on their next channel, after the
	 * previous one died.
	 */
	boolean fallThrough(UUID deadDelivery, Channel channel, int channelIndex, String target, Integer maxAttempts) {
		return this.jdbc
			.sql("""
					insert into deliveries (id, event_id, event_type, referral_id, reference, region_code, recipient, channel,
					                        contact_id, alert_id, channel_index, max_attempts, target, payload, status,
					                        next_attempt_at, created_at)
					select :id, event_id, event_type, referral_id, reference, region_code, recipient, :channel,
					       contact_id, alert_id, :channelIndex, :maxAttempts, :target, payload, 'PENDING', now(), now()
					from deliveries where id = :dead
					on conflict (event_id, recipient, channel) do nothing
					""")
			.param("id", UUID.randomUUID())
			.param("channel", channel.name())
			.param("channelIndex", channelIndex)
			.param("maxAttempts", maxAttempts)
			.param("target", target)
			.param("dead", deadDelivery)
			.update() == 1;
	}

	void recordAttempt(UUID deliveryId, int number, Instant startedAt, Duration took, Outcome outcome,
			Integer httpStatus, String error) {
		this.jdbc
			.sql("""
					insert into delivery_attempts (delivery_id, number, started_at, duration_ms, outcome, http_status, error)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
			.params(deliveryId, number, Timestamp.from(startedAt), (int) took.toMillis(), outcome.name(), httpStatus,
					error)
			.update();
	}

	/**
	 * Whether the claim is still this attempt's: the delivery is pending under the same
	 * token. It locks the row, so the answer holds until the caller's transaction ends.
	 */
	boolean stillClaimed(Claim claim) {
		return this.jdbc.sql("""
				select 1 from deliveries where id = ? and claim_token = ? and status = 'PENDING' for update
				""").params(claim.deliveryId(), claim.token()).query(Integer.class).optional().isPresent();
	}

	boolean delivered(Claim claim, int attempts, Instant at) {
		return this.jdbc.sql("""
				update deliveries set status = 'DELIVERED', attempts = ?, delivered_at = ?, next_attempt_at = null,
				                      last_error = null
				where id = ? and claim_token = ? and status = 'PENDING'
				""").params(attempts, Timestamp.from(at), claim.deliveryId(), claim.token()).update() == 1;
	}

	boolean retryAt(Claim claim, int attempts, Instant next, String error) {
		return this.jdbc.sql("""
				update deliveries set attempts = ?, next_attempt_at = ?, last_error = ?
				where id = ? and claim_token = ? and status = 'PENDING'
				""").params(attempts, Timestamp.from(next), error, claim.deliveryId(), claim.token()).update() == 1;
	}

	boolean finish(Claim claim, int attempts, DeliveryStatus status, String error) {
		return this.jdbc.sql("""
				update deliveries set status = ?, attempts = ?, next_attempt_at = null, last_error = ?
				where id = ? and claim_token = ? and status = 'PENDING'
				""").params(status.name(), attempts, error, claim.deliveryId(), claim.token()).update() == 1;
	}

	List<DeliveryView> forReferral(String referralId) {
		List<DeliveryView> deliveries = this.jdbc.sql("""
				select id, event_id, event_type, referral_id, reference, region_code, recipient, channel, target,
				       status, attempts, created_at, delivered_at, subscription_id, contact_id,
				       case when status = 'PENDING' then next_attempt_at end as next_attempt_at, last_error
				from deliveries where referral_id = ? order by created_at, id
				""")
			.param(referralId)
			.query((rs, n) -> new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
					rs.getString("event_type"), rs.getString("referral_id"), rs.getString("reference"),
					rs.getString("region_code"), rs.getString("recipient"), rs.getString("channel"),
					rs.getString("target"), rs.getString("status"), rs.getInt("attempts"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("delivered_at")),
					instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"), List.of(),
					rs.getObject("subscription_id", UUID.class), rs.getObject("contact_id", UUID.class)))
			.list();
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<UUID, List<AttemptView>> attempts = this.jdbc.sql("""
				select delivery_id, number, started_at, duration_ms, outcome, http_status, error
				from delivery_attempts where delivery_id = any(?) order by delivery_id, number
				""")
			.param(deliveries.stream().map(DeliveryView::id).toArray(UUID[]::new))
			.query((rs, n) -> new AttemptRow(rs.getObject("delivery_id", UUID.class), rs.getInt("number"),
					instant(rs.getTimestamp("started_at")), rs.getInt("duration_ms"), rs.getString("outcome"),
					rs.getObject("http_status", Integer.class), rs.getString("error")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(AttemptRow::deliveryId,
					Collectors.mapping(AttemptRow::view, Collectors.toList())));
		return deliveries.stream().map((d) -> d.withAttemptLog(attempts.getOrDefault(d.id(), List.of()))).toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One instance's claim on one delivery: the token it was claimed under. */
	record Claim(UUID deliveryId, UUID token) {

	}

	/**
	 * A delivery claimed for an attempt, with what the attempt needs.
	 *
	 * @param subscribed its subscription is still there (webhooks)
	 * @param sealedSecret the subscription's signing secret, sealed
	 * @param secret the signing secret of a subscription made before secrets were sealed,
	 * until it is sealed at start-up
	 */
	record Due(UUID id, UUID claimToken, UUID eventId, String eventType, String referralId, String reference,
			String regionCode, String recipient, Channel channel, UUID subscriptionId, UUID contactId, UUID alertId,
			Integer channelIndex, Integer maxAttempts, String target, String payload, int attempts, Timestamp createdAt,
			boolean subscribed, byte[] sealedSecret, String secret) {

		Claim claim() {
			return new Claim(this.id, this.claimToken);
		}

		DeliveryEvent.NotificationDelivered delivered(int attempts, Instant at) {
			return new DeliveryEvent.NotificationDelivered(UUID.randomUUID(), this.id, source(), this.recipient,
					this.channel, attempts, at);
		}

		DeliveryEvent.NotificationDeadLettered deadLettered(int attempts, Instant at) {
			return new DeliveryEvent.NotificationDeadLettered(UUID.randomUUID(), this.id, source(), this.recipient,
					this.channel, attempts, at);
		}

		private DeliveryEvent.Source source() {
			return new DeliveryEvent.Source(this.eventId, this.eventType, this.referralId, this.reference,
					this.regionCode);
		}

	}

	record AttemptRow(UUID deliveryId, int number, Instant startedAt, int durationMs, String outcome,
			Integer httpStatus, String error) {

		AttemptView view() {
			return new AttemptView(this.number, this.startedAt, this.durationMs, this.outcome, this.httpStatus,
					this.error);
		}

	}

}
