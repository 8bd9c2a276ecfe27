package cymru.noddfa.registry.reference;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest {

	private final ReferenceData reference = shipped();

	@Test
	void the_shipped_vocabulary_holds_the_needs_of_the_design() {
		assertThat(this.reference.needCodes()).contains("MH_CRISIS", "SELF_HARM", "LEARNING_DISABILITY",
				"NEURODEVELOPMENTAL", "EATING_DISORDER", "EXPLOITATION_RISK", "TRAUMA");
		assertThat(this.reference.isNeed("mh_crisis")).isFalse();
		assertThat(this.reference.isNeed("FLYING")).isFalse();
	}

	@Test
	void local_authorities_belong_to_their_own_region_only() {
		assertThat(this.reference.regionCodes()).containsExactlyInAnyOrder("CAV", "CTM", "GWE", "NWA", "POW", "WGL",
				"WWA");
		assertThat(this.reference.isLocalAuthorityOf("CTM", "Bridgend")).isTrue();
		assertThat(this.reference.isLocalAuthorityOf("CAV", "Bridgend")).isFalse();
		assertThat(this.reference.isLocalAuthorityOf("NOPE", "Bridgend")).isFalse();
	}

	@Test
	void another_country_brings_its_own_files() {
		ReferenceData scotland = ReferenceData.read(new StringReader("code,label\nMH_CRISIS,Crisis\n"),
				new StringReader("region_code,local_authority\nGGC,Glasgow City\n"));

		assertThat(scotland.isLocalAuthorityOf("GGC", "Glasgow City")).isTrue();
		assertThat(scotland.isRegion("CTM")).isFalse();
	}

	@Test
	void quoted_fields_keep_their_commas_and_quotes() {
		List<Map<String, String>> rows = Csv
			.read(new StringReader("code,description\nX,\"one, two\"\nY,\"say \"\"hello\"\"\"\n"));

		assertThat(rows).extracting((row) -> row.get("description")).containsExactly("one, two", "say \"hello\"");
	}

	@Test
	void a_row_with_the_wrong_number_of_fields_is_refused() {
		assertThatThrownBy(() -> Csv.read(new StringReader("a,b\n1,2,3\n")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("row 2");
	}

	static ReferenceData shipped() {
		try (Reader needs = resource("/reference/needs.csv");
				Reader regions = resource("/reference/wales-regions.csv")) {
			return ReferenceData.read(needs, regions);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Reader resource(String name) {
		return new InputStreamReader(ReferenceDataTest.class.getResourceAsStream(name), StandardCharsets.UTF_8);
	}

}
