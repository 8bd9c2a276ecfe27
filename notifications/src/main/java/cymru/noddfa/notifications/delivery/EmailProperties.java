package cymru.noddfa.notifications.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email goes over SMTP ({@code spring.mail.*}) unless GOV.UK Notify is configured to
 * carry it.
 *
 * @param from the sender address of every email
 */
@ConfigurationProperties("noddfa.notifications.email")
public record EmailProperties(@DefaultValue("noddfa@localhost") String from) {

}
