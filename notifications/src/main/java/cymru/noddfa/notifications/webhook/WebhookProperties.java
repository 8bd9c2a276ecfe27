package cymru.noddfa.notifications.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateAddresses lets webhooks reach loopback and private addresses over
 * plain http, for the local stack and system tests only; link-local and metadata
 * addresses stay refused
 * @param allowedHosts host names a webhook may target when private addresses are not
 * allowed: exact names, or {@code *.example.org} for any subdomain
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param responseTimeout how long to wait for a receiver's answer (each read of it)
 * @param connectionRequestTimeout how long to wait for a free connection from the pool
 * (ten per receiver), so a receiver that holds every connection costs only its own
 * deliveries
 */
@ConfigurationProperties("noddfa.notifications.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue List<String> allowedHosts, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration responseTimeout, @DefaultValue("2s") Duration connectionRequestTimeout) {

	public WebhookAddressPolicy policy() {
		return new WebhookAddressPolicy(this.allowPrivateAddresses, this.allowedHosts);
	}

}
