package cymru.noddfa.registry.provision;

import java.util.List;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;

/**
 * What a provision is and whom it can take: everything a provider describes once and
 * changes rarely, as opposed to its status and vacancies.
 */
public record ProvisionDetails(String providerId, String name, ProvisionKind kind, String regionCode,
		String localAuthority, Location location, String postcode, AgeRange ageRange, Accepts accepts,
		List<String> needsMet, List<String> exclusions, Admissions admissions, String regulatorReference,
		String onCallPhone, int stalenessWindowHours) {

	public ProvisionDetails {
		needsMet = List.copyOf(needsMet);
		exclusions = List.copyOf(exclusions);
		for (int i = 0; i < exclusions.size(); i++) {
			if (needsMet.contains(exclusions.get(i))) {
				throw new InvalidValue("exclusions[" + i + "]", "need-also-excluded", exclusions.get(i));
			}
		}
	}

	/**
	 * Only an admin, or staff of the provider these details name, may hold a provision
	 * like this (DESIGN §5): creating it, or moving it to this provider.
	 */
	public void requireKeeper(Caller caller) {
		if (!caller.isAdmin() && !caller.actsForProvider(this.providerId)) {
			throw new AccessRefused("provision");
		}
	}

}
