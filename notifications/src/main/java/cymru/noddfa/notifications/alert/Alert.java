package cymru.noddfa.notifications.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.delivery.DeliveryEvent;
import cymru.noddfa.notifications.delivery.DeliveryEvent.NotificationAcknowledged;
import cymru.noddfa.notifications.delivery.Notification;

/**
 * An event that people must hear about. One that needs action is told to the first
 * contact of the rota; while nobody acknowledges it, each escalation tells the next
 * contact, then the region's team lead, and then it stops climbing.
 *
 * @param level how far up it has gone: the rota index last told, or the rota size once
 * the team lead has been told
 */
record Alert(UUID id, UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String provisionId, Audience audience, int level, Instant nextEscalationAt, Instant acknowledgedAt,
		String acknowledgedBy) {

	/**
	 * The alert an event raises for its audience, told to nobody yet.
	 * @param nextEscalationAt when to climb the rota if nobody has acknowledged it,
	 * {@code null} for never
	 */
	public static Alert raisedBy(Notification notification, Audience audience, Instant nextEscalationAt) {
		return new Alert(UUID.randomUUID(), notification.eventId(), notification.eventType(), notification.referralId(),
				notification.reference(), notification.regionCode(), notification.provisionId(), audience, 0,
				nextEscalationAt, null, null);
	}

	/**
	 * Whether the caller is who the alert is for: the provider of the provision it is
	 * about, or the region's crisis team or panel, as its audience says.
	 * @param provisionProvider the provider of the alert's provision, when known
	 */
	public boolean isFor(Caller caller, String provisionProvider) {
		return switch (this.audience.role()) {
			case PROVIDER -> provisionProvider != null && caller.actsForProvider(provisionProvider);
			case CRISIS_TEAM -> caller.isCrisisTeamOf(this.regionCode);
			case PANEL -> caller.isPanelOf(this.regionCode);
			case TEAM_LEAD -> false;
		};
	}

	/** Its audience may read it, and admins. */
	public boolean readableBy(Caller caller, String provisionProvider) {
		return caller.isAdmin() || isFor(caller, provisionProvider);
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	/** Acknowledging twice keeps the first acknowledgement. */
	public Alert acknowledge(String by, Instant at) {
		if (acknowledged()) {
			return this;
		}
		return new Alert(this.id, this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.provisionId, this.audience, this.level, null, at, by);
	}

	/**
	 * The event an acknowledged alert raises: the people it was for have seen it.
	 */
	public NotificationAcknowledged acknowledgement() {
		if (!acknowledged()) {
			throw new IllegalStateException("alert " + this.id + " is not acknowledged");
		}
		return new NotificationAcknowledged(UUID.randomUUID(), this.id, new DeliveryEvent.Source(this.eventId,
				this.eventType, this.referralId, this.reference, this.regionCode), this.provisionId,
				this.acknowledgedBy, this.acknowledgedAt);
	}

	/** The alert after an escalation step. */
	public Alert escalated(Escalation escalation) {
		return new Alert(this.id, this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.provisionId, this.audience, escalation.level(), escalation.nextEscalationAt(), null, null);
	}

	/**
	 * The next step up for an unacknowledged alert whose rota has {@code rotaSize}
	 * contacts.
	 */
	public Escalation escalate(int rotaSize, Instant now, Duration wait) {
		if (acknowledged() || !this.audience.needsAcknowledgement()) {
			return new Escalation(Escalation.Step.NONE, this.level, null);
		}
		int next = this.level + 1;
		if (next < rotaSize) {
			return new Escalation(Escalation.Step.NEXT_CONTACT, next, now.plus(wait));
		}
		if (next == rotaSize) {
			return new Escalation(Escalation.Step.TEAM_LEAD, Math.max(next, rotaSize), null);
		}
		return new Escalation(Escalation.Step.NONE, this.level, null);
	}

	/**
	 * @param level the alert's level after the step
	 * @param nextEscalationAt when to climb again, {@code null} for never
	 */
	public record Escalation(Step step, int level, Instant nextEscalationAt) {

		public enum Step {

			/** Tell the contact at {@code level} in the rota. */
			NEXT_CONTACT,
			/** Tell the region's team lead: the last step. */
			TEAM_LEAD,
			/** Nothing left to climb. */
			NONE

		}

	}

}
