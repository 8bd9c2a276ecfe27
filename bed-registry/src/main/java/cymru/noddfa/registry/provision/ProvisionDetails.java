package cymru.noddfa.registry.provision;

import java.util.List;

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

}
