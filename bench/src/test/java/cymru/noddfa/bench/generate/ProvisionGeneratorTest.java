package cymru.noddfa.bench.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionGeneratorTest {

	private final Geography geography = Geography.load();

	@ParameterizedTest
	@EnumSource(value = Scale.class, names = { "WALES", "ENGLAND" })
	void the_same_seed_gives_the_same_provisions(Scale scale) {
		List<SyntheticProvision> first = new ProvisionGenerator(this.geography, 42).provisions(scale);
		List<SyntheticProvision> again = new ProvisionGenerator(Geography.load(), 42).provisions(scale);
		assertThat(again).isEqualTo(first);
		assertThat(SearchMix.searches(again, 500, 42)).isEqualTo(SearchMix.searches(first, 500, 42));
	}

	@Test
	void another_seed_gives_other_provisions() {
		List<SyntheticProvision> first = new ProvisionGenerator(this.geography, 42).provisions(Scale.WALES);
		List<SyntheticProvision> other = new ProvisionGenerator(this.geography, 43).provisions(Scale.WALES);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void the_national_scale_is_fifty_thousand_distinct_provisions_and_stays_deterministic() {
		List<SyntheticProvision> first = new ProvisionGenerator(this.geography, 7).provisions(Scale.NATIONAL);
		assertThat(first).hasSize(50_000);
		assertThat(first.stream().map(SyntheticProvision::id).distinct()).hasSize(50_000);
		assertThat(new ProvisionGenerator(this.geography, 7).provisions(Scale.NATIONAL).get(49_999))
			.isEqualTo(first.get(49_999));
	}

	@ParameterizedTest
	@EnumSource(Scale.class)
	void every_provision_is_one_the_registry_accepts(Scale scale) {
		Set<String> regionAuthorities = Geography.csv("/geography/wales-regions.csv")
			.stream()
			.map((row) -> row[0] + "/" + row[3])
			.collect(Collectors.toSet());
		List<SyntheticProvision> provisions = new ProvisionGenerator(this.geography, 1).provisions(scale);
		assertThat(provisions).hasSize(scale.provisions()).allSatisfy((provision) -> {
			assertThat(provision.id()).matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
			assertThat(provision.providerId()).matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
			assertThat(regionAuthorities).contains(provision.regionCode() + "/" + provision.localAuthority());
			assertThat(ProvisionGenerator.NEEDS).containsAll(provision.needsMet());
			assertThat(provision.exclusions())
				.allSatisfy((excluded) -> assertThat(provision.needsMet()).doesNotContain(excluded));
			assertThat(provision.minAge()).isLessThanOrEqualTo(provision.maxAge());
			assertThat(provision.vacancies()).isNotEmpty()
				.allSatisfy((beds) -> assertThat(beds.available()).isBetween(0, beds.total()));
		});
	}

	@Test
	void wales_stays_in_wales_and_larger_scales_spread_over_great_britain() {
		List<SyntheticProvision> wales = new ProvisionGenerator(this.geography, 1).provisions(Scale.WALES);
		assertThat(wales).allSatisfy((p) -> {
			assertThat(p.lat()).isBetween(51.2, 53.6);
			assertThat(p.lon()).isBetween(-5.5, -2.5);
		});
		List<SyntheticProvision> england = new ProvisionGenerator(this.geography, 1).provisions(Scale.ENGLAND);
		assertThat(england).allSatisfy((p) -> {
			assertThat(p.lat()).isBetween(49.5, 59.0);
			assertThat(p.lon()).isBetween(-6.5, 2.0);
		});
		assertThat(england.stream().filter((p) -> p.lat() > 55).count()).isGreaterThan(100);
		assertThat(england.stream().filter((p) -> p.lat() < 52 && p.lon() > -1).count()).isGreaterThan(500);
	}

	@Test
	void kinds_and_bed_types_have_a_realistic_spread() {
		List<SyntheticProvision> england = new ProvisionGenerator(this.geography, 1).provisions(Scale.ENGLAND);
		long homes = england.stream().filter((p) -> p.kind().equals("CHILDRENS_HOME")).count();
		long crisisUnits = england.stream().filter((p) -> p.kind().equals("CRISIS_UNIT")).count();
		assertThat(homes).isBetween(1_800L, 2_200L);
		assertThat(crisisUnits).isBetween(600L, 900L);
		Set<String> bedTypes = new HashSet<>();
		england.forEach((p) -> p.vacancies().forEach((beds) -> bedTypes.add(beds.bedType())));
		assertThat(bedTypes).containsExactlyInAnyOrder("CRISIS", "ASSESSMENT", "SHORT_TERM", "LONG_TERM",
				"SAFE_SPACE_PLACE");
		long full = england.stream().flatMap((p) -> p.vacancies().stream()).filter((b) -> b.available() == 0).count();
		long all = england.stream().mapToLong((p) -> p.vacancies().size()).sum();
		assertThat((double) full / all).isBetween(0.25, 0.42);
	}

	@Test
	void the_create_request_carries_what_the_registry_needs() {
		SyntheticProvision provision = new ProvisionGenerator(this.geography, 1).provisions(Scale.WALES).get(0);
		assertThat(provision.createRequest()).containsKeys("id", "providerId", "name", "kind", "regionCode",
				"localAuthority", "location", "ageRange", "needsMet", "admissions", "vacancies");
	}

}
