package cymru.noddfa.matcher.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCandidates most candidates one answer lists
 * @param initialCount members asked of a GEO index first; multiplied by four while the
 * filters leave too few
 * @param maxCount the widest a single GEO query grows
 * @param radiusKm search radius when the team gives no maximum distance, and the widest
 * any search reaches
 * @param initialRadiusKm radius of the first GEO query; tripled while too few fit
 * @param maxRounds most GEO queries one index is asked for one search: with the defaults
 * a search needs at most nine (four widenings of the count, four of the radius), so the
 * bound only bites when the settings are tuned badly
 */
@ConfigurationProperties("noddfa.matcher.search")
public record SearchProperties(@DefaultValue("10") int maxCandidates, @DefaultValue("16") int initialCount,
		@DefaultValue("4096") int maxCount, @DefaultValue("800") double radiusKm,
		@DefaultValue("10") double initialRadiusKm, @DefaultValue("12") int maxRounds) {

}
