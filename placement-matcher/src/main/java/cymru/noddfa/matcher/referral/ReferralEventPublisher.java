package cymru.noddfa.matcher.referral;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.referral.ReferralEvent.CrisisStayOverran;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldAccepted;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldDeclined;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldExpired;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;
import cymru.noddfa.matcher.referral.ReferralEvent.MatchFound;
import cymru.noddfa.matcher.referral.ReferralEvent.OutOfRegionApprovalRequested;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementEnded;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCancelled;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCreated;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralEscalated;
import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The one way a referral's events leave: written as
 * {@code contracts/matching.referral-events.v1.schema.json} says into the outbox, inside
 * the transaction of the change, and noted in the referral's audit trail under whoever
 * made the change. Codes and ids only, never free text from the referral.
 * <p>
 * The wire names are the contract's, which other services consume: they stay as they are
 * whatever the records are called here.
 */
@Component
record ReferralEventPublisher(Outbox outbox, JsonMapper json, ReferralAuditRepository audit) {

	static final String TOPIC = "matching.referral-events.v1";

	/**
	 * Publishes the event and records it in the referral's trail as done by
	 * {@code actor}.
	 */
	void publish(ReferralEvent event, String actor) {
		String type = wireType(event);
		ReferralEvent.About about = event.about();
		String referral = about.referral().toString();
		this.outbox.append(new OutboxMessage(about.eventId(), TOPIC, referral, "cymru.noddfa.matching." + type + ".v1",
				referral, about.occurredAt(), this.json.writeValueAsString(payload(event, type))));
		this.audit.changed(event, actor);
	}

	static String wireType(ReferralEvent event) {
		return switch (event) {
			case ReferralCreated created -> "ReferralCreated";
			case ReferralEscalated escalated -> "ReferralEscalated";
			case MatchFound found -> "MatchAvailable";
			case HoldPlaced placed -> "HoldPlaced";
			case OutOfRegionApprovalRequested requested -> "OutOfRegionApprovalRequested";
			case HoldAccepted accepted -> "HoldAccepted";
			case HoldDeclined declined -> "HoldDeclined";
			case HoldExpired expired -> "HoldExpired";
			case PlacementStarted started -> "PlacementStarted";
			case PlacementEnded ended -> "PlacementEnded";
			case CrisisStayOverran overran -> "CrisisStayOverran";
			case ReferralCancelled cancelled -> "ReferralCancelled";
		};
	}

	ObjectNode payload(ReferralEvent event, String type) {
		ReferralEvent.About about = event.about();
		ObjectNode json = this.json.createObjectNode()
			.put("eventId", about.eventId().toString())
			.put("type", type)
			.put("referralId", about.referral().toString())
			.put("referralVersion", about.referralVersion())
			.put("occurredAt", about.occurredAt().toString())
			.put("regionCode", about.region().code())
			.put("reference", about.reference());
		if (about.referringRegion() != null) {
			json.put("referringRegionCode", about.referringRegion().code());
		}
		switch (event) {
			case ReferralCreated e -> {
				json.put("bedType", e.bedType().name()).put("currentSetting", e.currentSetting().name());
				ArrayNode needs = json.putArray("needs");
				e.needs().forEach((need) -> needs.add(need.code()));
			}
			case ReferralEscalated e -> {
				ArrayNode options = json.putArray("outOfRegionOptions");
				e.outOfRegionOptions()
					.forEach((o) -> options.addObject()
						.put("provisionId", o.provisionId())
						.put("regionCode", o.regionCode())
						.put("distanceKm", o.distanceKm()));
			}
			case MatchFound e -> bed(json, e.provisionId(), e.bedType());
			case HoldPlaced e -> siting(bed(json.put("holdId", e.hold().toString()), e.provisionId(), e.bedType())
				.put("expiresAt", e.expiresAt().toString()), e.siting());
			case OutOfRegionApprovalRequested e ->
				bed(json, e.provisionId(), e.bedType()).put("outOfRegionReason", e.reason().name());
			case HoldAccepted e -> bed(json.put("holdId", e.hold().toString()), e.provisionId(), e.bedType());
			case HoldDeclined e -> bed(json.put("holdId", e.hold().toString()), e.provisionId(), e.bedType())
				.put("reasonCode", e.reason().name());
			case HoldExpired e -> bed(json.put("holdId", e.hold().toString()), e.provisionId(), e.bedType());
			case PlacementStarted e ->
				siting(bed(json.put("placementId", e.placement().toString()), e.provisionId(), e.bedType()).put("at",
						about.occurredAt().toString()), e.siting());
			case PlacementEnded e ->
				bed(json.put("placementId", e.placement().toString()), e.provisionId(), e.bedType()).put("at",
						about.occurredAt().toString());
			case CrisisStayOverran e ->
				json.put("placementId", e.placement().toString()).put("provisionId", e.provisionId());
			case ReferralCancelled e -> {
				if (e.hold() != null) {
					bed(json.put("holdId", e.hold().toString()), e.provisionId(), e.bedType());
				}
			}
		}
		return json;
	}

	/** Where the bed is against the child's home region, as far as it is known. */
	private static ObjectNode siting(ObjectNode json, ReferralEvent.Siting siting) {
		if (siting.provisionRegionCode() != null) {
			json.put("provisionRegionCode", siting.provisionRegionCode());
		}
		json.put("inRegion", siting.inRegion()).put("distanceKm", siting.distanceKm());
		if (!siting.inRegion() && siting.reason() != null) {
			json.put("outOfRegionReason", siting.reason().name());
		}
		return json;
	}

	private static ObjectNode bed(ObjectNode json, String provisionId, BedType bedType) {
		return json.put("provisionId", provisionId).put("bedType", bedType.name());
	}

}
