package cymru.noddfa.notifications.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param escalateAfter how long an alert that needs action waits for an acknowledgement
 * before the next person is told
 * @param checkInterval how often unacknowledged alerts are looked at
 * @param publicBaseUrl where people reach this service (the gateway's
 * {@code /api/notifications}), for the links in messages and the acknowledgement page's
 * form
 * @param linkKey the key that signs acknowledgement links; every instance needs the same
 * one, and a restart with a new one voids the links already sent
 * @param linkTimeToLive how long a link in a message works; an alert still open after it
 * is acknowledged in the app (or by a newer message's link)
 */
@ConfigurationProperties("noddfa.notifications.alerts")
public record AlertProperties(@DefaultValue("10m") Duration escalateAfter, @DefaultValue("1s") Duration checkInterval,
		@DefaultValue("http://localhost:8080/api/notifications") String publicBaseUrl, String linkKey,
		@DefaultValue("24h") Duration linkTimeToLive) {

}
