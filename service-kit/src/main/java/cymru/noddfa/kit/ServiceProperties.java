package cymru.noddfa.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody larger request bodies are refused (413) before they are read
 * @param maxRequestsInFlight requests past this many at once are turned away at once (503
 * with {@code Retry-After}) instead of queueing: see {@link AdmissionControl}
 */
@ConfigurationProperties("noddfa.service")
public record ServiceProperties(@DefaultValue("64KB") DataSize maxRequestBody,
		@DefaultValue("256") int maxRequestsInFlight) {

}
