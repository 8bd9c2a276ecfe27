package cymru.noddfa.notifications.provision;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code registry.provision-state.v1} value this service reads; the
 * registry owns the contract.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProvisionState(String provisionId, long version, String providerId, String name, String regionCode,
		String status, int stalenessWindowHours, List<Vacancy> vacancies) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Vacancy(String bedType, Instant confirmedAt) {

	}

}
