package cymru.noddfa.notifications.retention;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param period how long deliveries and alerts about a referral keep their targets,
 * references and text. Ninety days: long enough to answer a complaint or review an
 * incident about who was told what and when (a missed alert is usually raised within
 * days, and a serious case review asks within weeks), short enough that a child's
 * reference does not sit in a message log for longer than the placement work needs it
 * @param checkInterval how often the job looks for what has passed the period
 */
@ConfigurationProperties("noddfa.notifications.retention")
public record RetentionProperties(@DefaultValue("P90D") Period period, @DefaultValue("1h") Duration checkInterval) {

}
