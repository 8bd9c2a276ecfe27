package cymru.noddfa.notifications.provision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInterval how often vacancies are checked for a lapsed confirmation
 */
@ConfigurationProperties("noddfa.notifications.reminders")
public record ReminderProperties(@DefaultValue("1m") Duration checkInterval) {

}
