package cymru.noddfa.matcher.retention;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param period how long a closed referral (ended or cancelled) keeps its reference,
 * location, place and needs after its last change. Ninety days, as the notifications
 * service keeps its deliveries: long enough to answer a complaint or review an incident
 * (raised within days, a serious case review asks within weeks), short enough that a
 * child's details do not outlive the placement work that needed them
 * @param checkInterval how often the job looks for referrals past the period
 * @param initialDelay how long after start-up it first looks: soon, so that instances
 * restarted more often than the check interval still anonymise
 */
@ConfigurationProperties("noddfa.matcher.retention")
public record RetentionProperties(@DefaultValue("P90D") Period period, @DefaultValue("1h") Duration checkInterval,
		@DefaultValue("1m") Duration initialDelay) {

}
