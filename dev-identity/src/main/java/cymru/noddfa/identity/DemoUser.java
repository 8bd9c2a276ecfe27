package cymru.noddfa.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A demo user of the local stack. A provider names its provider, a crisis team or panel
 * its region, an admin neither. The subject ({@code dev:crisis-team:CTM}) is stable per
 * role and tenant, so a user's audit trail and limits hold together, and it is also the
 * user name the sign-in page posts.
 */
record DemoUser(Role role, String region, String providerId) {

	private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Pattern SUBJECT = Pattern.compile("dev:([a-z-]+):([A-Za-z0-9-]+)");

	/**
	 * Refuses a user that could not be a real user of that role, naming the field at
	 * fault.
	 */
	DemoUser checkedAgainst(Collection<String> knownRegions) {
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

	/** The user a subject names, or an {@link InvalidFieldException} for "username". */
	static DemoUser fromSubject(String subject, Collection<String> knownRegions) {
		var matcher = (subject != null) ? SUBJECT.matcher(subject) : null;
		if (matcher == null || !matcher.matches()) {
			throw new InvalidFieldException("username");
		}
		Role role;
		try {
			role = Role.valueOf(matcher.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("username");
		}
		String tenant = matcher.group(2);
		DemoUser user = switch (role) {
			case ADMIN -> "all".equals(tenant) ? new DemoUser(role, null, null) : null;
			case CRISIS_TEAM, PANEL -> new DemoUser(role, tenant, null);
			case PROVIDER -> new DemoUser(role, null, tenant);
		};
		if (user == null) {
			throw new InvalidFieldException("username");
		}
		try {
			return user.checkedAgainst(knownRegions);
		}
		catch (InvalidFieldException ex) {
			throw new InvalidFieldException("username");
		}
	}

	/** Every user the sign-in page offers, admin first. */
	static List<DemoUser> offered(DevIdentityProperties properties) {
		List<DemoUser> users = new ArrayList<>();
		users.add(new DemoUser(Role.ADMIN, null, null));
		properties.regions().forEach((region) -> users.add(new DemoUser(Role.CRISIS_TEAM, region, null)));
		properties.regions().forEach((region) -> users.add(new DemoUser(Role.PANEL, region, null)));
		properties.providers().forEach((provider) -> users.add(new DemoUser(Role.PROVIDER, null, provider)));
		return users;
	}

	String subject() {
		String tenant = (this.region != null) ? this.region : (this.providerId != null) ? this.providerId : "all";
		return "dev:" + this.role.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + tenant;
	}

	/**
	 * What the services read: {@code roles}, and {@code region} or {@code provider_id}.
	 */
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
