package cymru.noddfa.registry.provision;

import java.util.List;

/** What a list of provisions is narrowed to; null (or empty) means any. */
record ProvisionFilter(String regionCode, ProvisionKind kind, BedType bedType, List<String> needs, String providerId,
		ProvisionStatus status) {

	ProvisionFilter {
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

}
