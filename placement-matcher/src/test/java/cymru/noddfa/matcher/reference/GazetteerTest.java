package cymru.noddfa.matcher.reference;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The gazetteer as shipped: the towns of wales-places.csv and the postcode districts. */
class GazetteerTest {

	private final Gazetteer gazetteer = new ReferenceDataConfiguration().gazetteer();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			CF31 1AB     | Bridgend
			cf31 1ab     | Bridgend
			CF311AB      | Bridgend
			'  Cf31  1aB ' | Bridgend
			CF31         | Bridgend
			cf31         | Bridgend
			CF10 1EP     | Cardiff
			CF5          | Cardiff
			NP20 4AA     | Newport
			SA1 1AA      | Swansea
			LL57 2PW     | Bangor
			LD3 7AA      | Brecon
			SY23 1AA     | Aberystwyth
			CH7 1AA      | Mold
			""")
	void a_welsh_postcode_or_its_district_finds_the_town_that_district_is_mapped_to(String postcode, String town) {
		assertThat(this.gazetteer.find(postcode)).map(Gazetteer.Place::name).contains(town);
	}

	@Test
	void a_postcode_answers_the_towns_own_point_and_region_no_finer() {
		assertThat(this.gazetteer.find("CF31 1AB")).contains(this.gazetteer.find("Bridgend").orElseThrow());
	}

	@ParameterizedTest
	@ValueSource(strings = { "SW1A 1AA", "BS1 4DJ", "CH1 1AA", "CF99 1SN", "CF31 1A", "CF31 1ABC", "C31", "31 1AB", "",
			"   ", "Atlantis" })
	void an_unknown_or_non_welsh_postcode_finds_nothing(String input) {
		assertThat(this.gazetteer.find(input)).isEmpty();
	}

	@Test
	void town_names_are_still_found_whatever_their_case() {
		assertThat(this.gazetteer.find(" merthyr tydfil ")).map(Gazetteer.Place::regionCode).contains("CTM");
	}

	@Test
	void a_district_mapped_to_a_town_the_gazetteer_lacks_is_refused_when_the_data_is_read() {
		List<Gazetteer.Place> places = List.of(new Gazetteer.Place("Bridgend", "CTM", 51.5042, -3.5769));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Gazetteer(places, List.of(new Gazetteer.District("CF31", "Atlantis"))))
			.withMessageContaining("CF31");
	}

}
