package cymru.noddfa.notifications.delivery;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.notifications.subscription.Subscription;

/**
 * Who may see where a delivery went. A target is its owner's: a webhook URL the
 * subscription's tenant's, a phone number or email address the contact's own team's (a
 * crisis team its rota and team lead, a panel its members, a provision's duty contacts
 * their provider). Everyone else who may read the referral's notifications sees that a
 * message went, to whom in a masked form, and how it fared, but not where: a crisis team
 * learns that the provider's webhook failed, not the provider's URL.
 */
final class TargetRedaction {

	private TargetRedaction() {
	}

	/** Whether the caller owns the target of a delivery to this subscription. */
	static boolean owns(Caller caller, Subscription subscription) {
		return subscription != null && subscription.belongsTo(caller);
	}

	/**
	 * Whether the caller owns the target of a delivery to this contact.
	 * @param provider the provider of the contact's provision, for duty contacts
	 */
	static boolean owns(Caller caller, Contact contact, String provider) {
		if (caller.isAdmin()) {
			return true;
		}
		if (contact == null) {
			return false;
		}
		return switch (contact.role()) {
			case CRISIS_TEAM, TEAM_LEAD -> caller.isCrisisTeamOf(contact.regionCode());
			case PANEL -> caller.isPanelOf(contact.regionCode());
			case PROVIDER -> provider != null && caller.actsForProvider(provider);
		};
	}

	/** A webhook target as someone other than its owner sees it. */
	static String maskedWebhook(Subscription subscription) {
		if (subscription == null) {
			return "webhook";
		}
		if (subscription.providerId() != null) {
			return "webhook of provider " + subscription.providerId();
		}
		return (subscription.regionCode() != null) ? "webhook of region " + subscription.regionCode() : "webhook";
	}

	/** A person's address as someone other than their team sees it. */
	static String maskedAddress(String channel, String address) {
		if ("SMS".equals(channel)) {
			String digits = (address != null) ? address.replaceAll("[^0-9]", "") : "";
			return "sms ••••" + ((digits.length() >= 4) ? digits.substring(digits.length() - 4) : "");
		}
		int at = (address != null) ? address.lastIndexOf('@') : -1;
		return "email ••••" + ((at >= 0) ? address.substring(at) : "");
	}

}
