package cymru.noddfa.panels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The panels service's settings.
 *
 * @param funding the funding limbo clock
 * @param topics the topics this service publishes to
 */
@ConfigurationProperties("noddfa.panels")
public record PanelsProperties(@DefaultValue Funding funding, @DefaultValue Topics topics) {

	/**
	 * @param threshold how long a case may wait for a joint funding agreement before it
	 * is flagged and its panel alerted, once a day
	 * @param checkInterval how often the clock looks for overdue cases
	 */
	public record Funding(@DefaultValue("P3D") Duration threshold, @DefaultValue("15m") Duration checkInterval) {

	}

	/**
	 * @param caseEvents where case openings, decisions and overdue funding go
	 */
	public record Topics(@DefaultValue("panels.case-events.v1") String caseEvents) {

	}

}
