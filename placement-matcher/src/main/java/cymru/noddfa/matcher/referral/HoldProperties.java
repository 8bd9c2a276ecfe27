package cymru.noddfa.matcher.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a provider has to answer a hold
 * @param teamCap beds one team may hold at once, so nobody hoards them
 * @param expiryCheckInterval how often expired holds are looked for
 * @param crisisOverrun when a crisis-bed placement still open raises an overrun
 */
@ConfigurationProperties("noddfa.matcher.holds")
record HoldProperties(@DefaultValue("30m") Duration ttl, @DefaultValue("5") int teamCap,
		@DefaultValue("5s") Duration expiryCheckInterval, @DefaultValue("72h") Duration crisisOverrun) {

}
