package cymru.noddfa.matcher.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocationGridTest {

	@ParameterizedTest(name = "{0}, {1} -> {2}, {3}")
	@CsvSource(textBlock = """
			51.481234, -3.179876, 51.48, -3.18
			51.504200, -3.576900, 51.50, -3.57
			53.227349, -4.129866, 53.23, -4.125
			51.485100, -3.172600, 51.49, -3.18
			-33.456789, -70.648271, -33.46, -70.65
			90, 180, 90, 180
			""")
	void a_point_moves_to_the_nearest_node_of_the_grid(double lat, double lon, double coarseLat, double coarseLon) {
		assertThat(LocationGrid.lat(lat)).isEqualTo(coarseLat);
		assertThat(LocationGrid.lon(lon)).isEqualTo(coarseLon);
	}

	@ParameterizedTest(name = "{0}, {1}")
	@CsvSource(textBlock = """
			51.481234, -3.179876
			52.415000, -4.082500
			53.399999, -3.007499
			""")
	void a_coarse_point_is_within_a_km_of_the_real_one_and_coarsening_it_again_changes_nothing(double lat, double lon) {
		double coarseLat = LocationGrid.lat(lat);
		double coarseLon = LocationGrid.lon(lon);

		assertThat(Matching.distanceKm(lat, lon, coarseLat, coarseLon)).isLessThan(0.8);
		assertThat(LocationGrid.lat(coarseLat)).isEqualTo(coarseLat);
		assertThat(LocationGrid.lon(coarseLon)).isEqualTo(coarseLon);
	}

	@ParameterizedTest(name = "at {0} N")
	@CsvSource({ "51.3", "52.4", "53.5" })
	void across_wales_a_cell_is_about_a_km_each_way(double lat) {
		double northSouth = Matching.distanceKm(lat, -3.5, lat + 0.01, -3.5);
		double eastWest = Matching.distanceKm(lat, -3.5, lat, -3.5 + 0.015);

		assertThat(northSouth).isBetween(1.0, 1.2);
		assertThat(eastWest).isBetween(0.95, 1.1);
	}

}
