package cymru.noddfa.gateway.devauth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cymru.noddfa.gateway.problem.InvalidFieldException;

/**
 * Who a development token speaks for. A provider's token names its provider, a crisis
 * team's or panel's its region, as the services' object-level checks will need; an
 * admin's neither.
 */
record DevUser(Role role, String region, String providerId) {

	private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/** Refuses a request that could not be a real user of that role. */
	DevUser checkedAgainst(Collection<String> knownRegions) {
		if (this.role == null) {
			throw new InvalidFieldException("role");
		}
		boolean needsRegion = this.role == Role.CRISIS_TEAM || this.role == Role.PANEL;
		if (needsRegion ? (this.region == null || !knownRegions.contains(this.region)) : this.region != null) {
			throw new InvalidFieldException("region");
		}
		boolean needsProvider = this.role == Role.PROVIDER;
		if (needsProvider ? (this.providerId == null || !PROVIDER_ID.matcher(this.providerId).matches())
				: this.providerId != null) {
			throw new InvalidFieldException("providerId");
		}
		return this;
	}

	/**
	 * One stable subject per role and tenant, so a user's audit trail and limits hold
	 * together.
	 */
	String subject() {
		String tenant = (this.region != null) ? this.region : (this.providerId != null) ? this.providerId : "all";
		return "dev:" + this.role.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + tenant;
	}

	Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("roles", List.of(this.role.name()));
		if (this.region != null) {
			claims.put("region", this.region);
		}
		if (this.providerId != null) {
			claims.put("provider_id", this.providerId);
		}
		return claims;
	}

}
