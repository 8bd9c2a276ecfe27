package cymru.noddfa.registry.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import cymru.noddfa.registry.RegistryComponentTest;
import cymru.noddfa.registry.RegistryProperties;
import cymru.noddfa.registry.provision.ProvisionStore;
import cymru.noddfa.registry.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends RegistryComponentTest {

	static final String DEMO_IDS = "'bridgend-hub', 'gwent-crisis', 'gwent-homes', 'nwales-assess', "
			+ "'nwales-east-crisis', 'wrexham-safe-space', 'cardiff-safe-space', 'cardiff-assess', "
			+ "'morriston-adolescent', 'carms-oa', 'ceredigion-oa', 'pembs-oa'";

	@Autowired
	DemoDataLoader loader;

	@Autowired
	RegistryProperties properties;

	@Autowired
	ResourceLoader resources;

	@Autowired
	ReferenceData reference;

	@Autowired
	ProvisionStore provisions;

	@Test
	void the_demo_provisions_load_once_and_a_second_load_changes_nothing() throws Exception {
		this.loader.load();
		long versions = versionsOfDemoProvisions();

		assertThat(this.loader.load()).isZero();

		assertThat(this.jdbc.sql("select count(*) from provision where id in (" + DEMO_IDS + ")")
			.query(Long.class)
			.single()).isEqualTo(12);
		assertThat(versionsOfDemoProvisions()).isEqualTo(versions);
	}

	@Test
	void a_demo_provision_has_its_provider_slug_beds_and_admission_hours() throws Exception {
		this.loader.load();

		JsonNode hub = this.api.get("/v1/provisions/bridgend-hub").json();
		assertThat(hub.get("providerId").asString()).isEqualTo("cwm-taf-morgannwg-partnership");
		assertThat(hub.get("admissions").get("always").asBoolean()).isTrue();
		assertThat(beds(hub)).containsExactly(Map.entry("CRISIS", 3), Map.entry("ASSESSMENT", 4));

		JsonNode wrexham = this.api.get("/v1/provisions/wrexham-safe-space").json();
		assertThat(wrexham.get("admissions").get("always").asBoolean()).isFalse();
		assertThat(wrexham.get("admissions").get("windows").get(0).get("from").asString()).isEqualTo("18:00");
		assertThat(wrexham.get("admissions").get("windows").get(0).get("to").asString()).isEqualTo("08:00");
		assertThat(beds(wrexham)).containsExactly(Map.entry("SAFE_SPACE_PLACE", 6));
		assertThat(wrexham.get("onCallPhone").asString()).as("a number Ofcom keeps for drama")
			.isEqualTo("01632 960006");
	}

	@Test
	void the_demo_provisions_load_on_start_only_when_enabled() throws Exception {
		new DemoDataLoader(properties(false), this.resources, this.reference, this.provisions).run(null);
		assertThat(this.api.get("/v1/provisions/demo-flag-check").status()).isEqualTo(404);

		new DemoDataLoader(properties(true), this.resources, this.reference, this.provisions).run(null);
		JsonNode loaded = this.api.get("/v1/provisions/demo-flag-check").json();
		assertThat(loaded.get("providerId").asString()).isEqualTo("flag-check-partnership");
		assertThat(loaded.get("admissions").get("windows").get(0).get("from").asString()).isEqualTo("18:00");
	}

	private RegistryProperties properties(boolean demo) {
		return new RegistryProperties(new RegistryProperties.DemoData(demo, "classpath:demo/flag-check.csv"),
				this.properties.reference(), this.properties.topics(), this.properties.consumer(),
				this.properties.defaultStalenessWindowHours(), this.properties.maxPageSize(),
				this.properties.idempotencyKeyRetention());
	}

	private static Map<String, Integer> beds(JsonNode provision) {
		Map<String, Integer> beds = new LinkedHashMap<>();
		for (JsonNode vacancy : provision.get("vacancies")) {
			assertThat(vacancy.get("available").asInt()).isEqualTo(vacancy.get("total").asInt());
			beds.put(vacancy.get("bedType").asString(), vacancy.get("total").asInt());
		}
		return beds;
	}

	private long versionsOfDemoProvisions() {
		return this.jdbc.sql("select coalesce(sum(version), 0) from provision where id in (" + DEMO_IDS + ")")
			.query(Long.class)
			.single();
	}

}
