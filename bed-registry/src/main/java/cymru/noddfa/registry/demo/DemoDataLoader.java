package cymru.noddfa.registry.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cymru.noddfa.registry.RegistryProperties;
import cymru.noddfa.registry.provision.Accepts;
import cymru.noddfa.registry.provision.BedType;
import cymru.noddfa.registry.provision.Provision;
import cymru.noddfa.registry.provision.ProvisionId;
import cymru.noddfa.registry.provision.ProvisionKind;
import cymru.noddfa.registry.provision.ProvisionRequest;
import cymru.noddfa.registry.provision.ProvisionRequest.AdmissionsBody;
import cymru.noddfa.registry.provision.ProvisionRequest.AgeRangeBody;
import cymru.noddfa.registry.provision.ProvisionRequest.LocationBody;
import cymru.noddfa.registry.provision.ProvisionRequest.VacancyBody;
import cymru.noddfa.registry.provision.ProvisionRequest.WindowBody;
import cymru.noddfa.registry.provision.ProvisionStore;
import cymru.noddfa.registry.reference.Csv;
import cymru.noddfa.registry.reference.ReferenceData;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the illustrative provisions on start when
 * {@code noddfa.registry.demo-data.enabled} is true (the local stack). Provisions that
 * exist already are left as they are, so a restart keeps what people changed.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class DemoDataLoader implements ApplicationRunner {

	static final String ACTOR = "demo-data";

	private static final Map<String, BedType> BED_COLUMNS = Map.of("crisis_beds", BedType.CRISIS, "assessment_beds",
			BedType.ASSESSMENT, "short_term_beds", BedType.SHORT_TERM, "long_term_beds", BedType.LONG_TERM,
			"safe_space_places", BedType.SAFE_SPACE_PLACE);

	private final RegistryProperties properties;

	private final ResourceLoader resources;

	private final ReferenceData reference;

	private final ProvisionStore provisions;

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.properties.demoData().enabled()) {
			load();
		}
	}

	/** Returns how many provisions were created; the rest existed. */
	int load() throws IOException {
		String location = this.properties.demoData().location();
		List<Map<String, String>> rows;
		try (Reader reader = new InputStreamReader(this.resources.getResource(location).getInputStream(),
				StandardCharsets.UTF_8)) {
			rows = Csv.read(reader);
		}
		int created = 0;
		for (Map<String, String> row : rows) {
			ProvisionRequest request = request(row);
			Provision provision = Provision.create(new ProvisionId(request.id()),
					request.details(this.reference, this.properties.defaultStalenessWindowHours()),
					request.vacancyCounts(), ACTOR, true, ProvisionStore.now());
			if (this.provisions.createIfAbsent(provision)) {
				created++;
			}
		}
		log.info("Demo data from {}: {} provisions created, {} already there", location, created,
				rows.size() - created);
		return created;
	}

	static ProvisionRequest request(Map<String, String> row) {
		String admissions = row.get("admissions");
		AdmissionsBody hours = "24/7".equals(admissions) ? new AdmissionsBody(true, List.of())
				: new AdmissionsBody(false, List.of(window(admissions)));
		List<VacancyBody> vacancies = new ArrayList<>();
		for (BedType type : BedType.values()) {
			BED_COLUMNS.forEach((column, bedType) -> {
				int beds = Integer.parseInt(row.getOrDefault(column, "0"));
				if (bedType == type && beds > 0) {
					vacancies.add(new VacancyBody(bedType, beds, beds));
				}
			});
		}
		return new ProvisionRequest(row.get("id"), ProvisionId.slug(row.get("provider")), row.get("name"),
				ProvisionKind.valueOf(row.get("kind")), row.get("region_code"), row.get("local_authority"),
				new LocationBody(Double.valueOf(row.get("lat")), Double.valueOf(row.get("lon"))), null,
				new AgeRangeBody(Integer.valueOf(row.get("min_age")), Integer.valueOf(row.get("max_age"))),
				Accepts.valueOf(row.get("accepts")), Arrays.asList(row.get("needs_met").split(";")), List.of(), hours,
				null, row.get("on_call_phone"), null, vacancies);
	}

	private static WindowBody window(String text) {
		int dash = text.indexOf('-');
		if (dash < 0) {
			throw new IllegalArgumentException("Admissions must be 24/7 or HH:MM-HH:MM, not " + text);
		}
		return new WindowBody(text.substring(0, dash), text.substring(dash + 1));
	}

}
