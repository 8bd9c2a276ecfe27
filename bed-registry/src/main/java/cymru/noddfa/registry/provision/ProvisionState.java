package cymru.noddfa.registry.provision;

import java.time.Instant;
import java.util.List;

/**
 * A provision's whole current state: the API's representation and, unchanged, the value
 * of {@code registry.provision-state.v1} (schema in
 * {@code contracts/registry.provision-state.v1.schema.json}).
 */
public record ProvisionState(String provisionId, long version, String providerId, String name, ProvisionKind kind,
		String regionCode, String localAuthority, Location location, String postcode, AgeRange ageRange,
		Accepts accepts, List<String> needsMet, List<String> exclusions, AdmissionsState admissions,
		String regulatorReference, String onCallPhone, ProvisionStatus status, String statusReason,
		int stalenessWindowHours, List<Vacancy> vacancies, Instant updatedAt) {

	public static ProvisionState of(Provision provision) {
		ProvisionDetails details = provision.details();
		return new ProvisionState(provision.id().value(), provision.version(), details.providerId(), details.name(),
				details.kind(), details.regionCode(), details.localAuthority(), details.location(), details.postcode(),
				details.ageRange(), details.accepts(), details.needsMet(), details.exclusions(),
				AdmissionsState.of(details.admissions()), details.regulatorReference(), details.onCallPhone(),
				provision.status(), provision.statusReason(), details.stalenessWindowHours(), provision.vacancies(),
				provision.updatedAt());
	}

	public record AdmissionsState(boolean always, List<WindowState> windows) {

		static AdmissionsState of(Admissions admissions) {
			return new AdmissionsState(admissions.always(),
					admissions.windows().stream().map((w) -> new WindowState(w.fromText(), w.toText())).toList());
		}

	}

	/** Local (Europe/London) times, {@code "18:00"}; may cross midnight. */
	public record WindowState(String from, String to) {
	}

}
