package cymru.noddfa.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is asking, as a validated token says: the subject, the roles and the tenant the
 * roles apply to (a region for crisis teams and panels, a provider for providers). Object
 * level checks ask this, never an id in the request alone.
 *
 * @param subject the token's {@code sub}
 * @param roles the recognised values of the {@code roles} claim
 * @param region the {@code region} claim, for crisis teams and panels
 * @param providerId the {@code provider_id} claim, for providers
 */
public record Caller(String subject, Set<Role> roles, String region, String providerId) {

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** Reads the roles the token names, ignoring any this service does not know. */
	public static Set<Role> roles(Collection<String> claimed) {
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		if (claimed != null) {
			for (String name : claimed) {
				for (Role role : Role.values()) {
					if (role.name().equals(name.toUpperCase(Locale.ROOT))) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** A provider's staff member acting for exactly this provider. */
	public boolean actsForProvider(String provider) {
		return has(Role.PROVIDER) && this.providerId != null && this.providerId.equals(provider);
	}

	/** A crisis team of exactly this region. */
	public boolean isCrisisTeamOf(String regionCode) {
		return has(Role.CRISIS_TEAM) && isOfRegion(regionCode);
	}

	/** A panel of exactly this region. */
	public boolean isPanelOf(String regionCode) {
		return has(Role.PANEL) && isOfRegion(regionCode);
	}

	/** A crisis team or panel of exactly this region. */
	public boolean seesRegion(String regionCode) {
		return isCrisisTeamOf(regionCode) || isPanelOf(regionCode);
	}

	/** The tenant this caller acts within, for audit records: a region or provider. */
	public String tenant() {
		return (this.region != null) ? this.region : this.providerId;
	}

	/** The roles as one audit-friendly value, e.g. {@code CRISIS_TEAM}. */
	public String roleNames() {
		return String.join(",", this.roles.stream().map(Role::name).sorted().toList());
	}

	private boolean isOfRegion(String regionCode) {
		return this.region != null && this.region.equals(regionCode);
	}

}
