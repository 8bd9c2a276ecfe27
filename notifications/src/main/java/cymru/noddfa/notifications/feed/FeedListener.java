package cymru.noddfa.notifications.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.panel.PanelAlerts;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the live feed. Each instance listens in a consumer group of its own and from the
 * newest record on: the feed is for what happens while a user watches, and what they
 * missed is in the notification log.
 */
@Component
@Slf4j
class FeedListener {

	private final FeedPublisher feed;

	private final Templates templates;

	private final ProvisionOwnerRepository owners;

	private final JsonMapper json;

	FeedListener(FeedPublisher feed, Templates templates, ProvisionOwnerRepository owners, JsonMapper json) {
		this.feed = feed;
		this.owners = owners;
		this.templates = templates;
		this.json = json;
	}

	@KafkaListener(id = "live-feed",
			topics = { "matching.referral-events.v1", "notifications.delivery-events.v1", "panels.case-events.v1" },
			groupId = "notifications-feed-#{T(java.util.UUID).randomUUID()}",
			properties = { "auto.offset.reset=latest", "enable.auto.commit=false" })
	void on(ConsumerRecord<String, String> record) {
		try {
			Event event = this.json.readValue(record.value(), Event.class);
			if (record.topic().startsWith("notifications.")) {
				if ("NotificationAcknowledged".equals(event.type()) && event.regionCode() != null) {
					this.feed.publish(new FeedItem(event.eventId(), event.type(), event.referralId(), event.reference(),
							event.regionCode(), event.provisionId(), event.occurredAt(), null, event.acknowledgedBy()),
							providerOf(event));
				}
				return;
			}
			if (record.topic().startsWith("panels.")) {
				String kind = PanelAlerts.kind(event.type(), event.openedBecause());
				if ("DecisionRecorded".equals(event.type()) && event.regionCode() != null) {
					// nobody is alerted (the panel made it), but a team waiting on the
					// decision sees it on the referral's page as it is made
					this.feed.publish(new FeedItem(event.eventId(), event.type(), event.referralId(), null,
							event.regionCode(), event.provisionId(), event.occurredAt(), null, null), null);
				}
				else if (kind != null && event.regionCode() != null) {
					this.feed
						.publish(
								new FeedItem(event.eventId(), event.type(), event.referralId(), null,
										event.regionCode(), null, event.occurredAt(), this.templates.render(kind,
												event.referralId(), event.regionCode(), event.daysWaiting()),
										null),
								null);
				}
				return;
			}
			if (event.regionCode() == null || event.type() == null) {
				return;
			}
			this.feed.publish(
					new FeedItem(eventId(record), event.type(), event.referralId(), event.reference(),
							event.regionCode(), event.provisionId(), event.occurredAt(),
							this.templates.render(event.type(), event.reference(), event.regionCode()), null),
					providerOf(event), event.referringRegionCode());
		}
		catch (RuntimeException ex) {
			// the feed is best effort: a record it cannot show is left to the
			// notification log
			log.warn("Live feed skipped record {}-{}@{} ({})", record.topic(), record.partition(), record.offset(),
					ex.getMessage());
		}
	}

	private String providerOf(Event event) {
		return this.owners.providerOf(event.provisionId()).orElse(null);
	}

	private static UUID eventId(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader("ce_id");
		return (header != null) ? UUID.fromString(new String(header.value(), StandardCharsets.UTF_8))
				: UUID.randomUUID();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Event(UUID eventId, String type, String referralId, String reference, String regionCode, String provisionId,
			Instant occurredAt, String acknowledgedBy, String openedBecause, Integer daysWaiting,
			String referringRegionCode) {

	}

}
