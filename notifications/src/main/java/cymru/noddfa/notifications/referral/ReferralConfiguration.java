package cymru.noddfa.notifications.referral;

import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use case, which itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

	@Bean
	NotifyingOfReferralEvents notifyingOfReferralEvents(SubscriptionRepository subscriptions,
			DeliveryScheduler deliveries, Templates templates, AlertPublisher alerts, ProvisionOwnerRepository owners) {
		return new NotifyingOfReferralEvents(subscriptions, deliveries, templates, alerts, owners);
	}

}
