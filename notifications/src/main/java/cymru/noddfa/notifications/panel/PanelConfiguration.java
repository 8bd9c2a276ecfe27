package cymru.noddfa.notifications.panel;

import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use case, which itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class PanelConfiguration {

	@Bean
	AlertingThePanel alertingThePanel(SubscriptionRepository subscriptions, DeliveryScheduler deliveries,
			Templates templates, AlertPublisher alerts) {
		return new AlertingThePanel(subscriptions, deliveries, templates, alerts);
	}

}
