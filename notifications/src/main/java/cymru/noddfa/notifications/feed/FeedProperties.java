package cymru.noddfa.notifications.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param connectionTimeout how long one feed connection stays open; the browser's
 * EventSource reconnects by itself
 * @param heartbeat how often an idle connection gets a comment line, so proxies keep it
 */
@ConfigurationProperties("noddfa.notifications.feed")
public record FeedProperties(@DefaultValue("30m") Duration connectionTimeout, @DefaultValue("15s") Duration heartbeat) {

}
