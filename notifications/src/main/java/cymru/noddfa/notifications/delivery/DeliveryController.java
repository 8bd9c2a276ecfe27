package cymru.noddfa.notifications.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.notifications.contact.ContactRepository;
import cymru.noddfa.notifications.subscription.Subscription;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import cymru.noddfa.notifications.tenancy.ReferralRegionRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
record DeliveryController(DeliveryRepository deliveries, ReferralRegionRepository regions,
		SubscriptionRepository subscriptions, ContactRepository contacts, ProvisionOwnerRepository owners) {

	/**
	 * Every delivery about one referral, with each attempt, oldest first: for the crisis
	 * team and panel of the referral's region (as the referral events said) and admins. A
	 * referral this service has not heard of has had nothing delivered: an empty list.
	 * Targets the caller does not own are masked ({@link TargetRedaction}).
	 */
	@GetMapping("/v1/notifications")
	List<DeliveryView> notifications(@RequestParam("referral") @NotBlank @Size(max = 100) String referral,
			Caller caller) {
		Optional<String> region = this.regions.regionOf(referral);
		if (region.isEmpty()) {
			return List.of();
		}
		if (!caller.isAdmin() && !caller.seesRegion(region.get())) {
			throw new AccessRefused("region's referral");
		}
		List<DeliveryView> found = this.deliveries.forReferral(referral);
		if (caller.isAdmin()) {
			return found;
		}
		Map<Object, Optional<?>> seen = new HashMap<>();
		return found.stream().map((delivery) -> asSeenBy(caller, delivery, seen)).toList();
	}

	private DeliveryView asSeenBy(Caller caller, DeliveryView delivery, Map<Object, Optional<?>> seen) {
		if (delivery.subscriptionId() != null) {
			Subscription subscription = (Subscription) seen
				.computeIfAbsent(delivery.subscriptionId(), (id) -> this.subscriptions.find(delivery.subscriptionId()))
				.orElse(null);
			return TargetRedaction.owns(caller, subscription) ? delivery
					: delivery.redacted(TargetRedaction.maskedWebhook(subscription));
		}
		Contact contact = (delivery.contactId() != null)
				? (Contact) seen.computeIfAbsent(delivery.contactId(), (id) -> this.contacts.find(delivery.contactId()))
					.orElse(null)
				: null;
		String provider = (contact != null) ? this.owners.providerOf(contact.provisionId()).orElse(null) : null;
		return TargetRedaction.owns(caller, contact, provider) ? delivery
				: delivery.redacted(TargetRedaction.maskedAddress(delivery.channel(), delivery.target()));
	}

}
