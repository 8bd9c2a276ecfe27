package cymru.noddfa.matcher.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class BoundingBoxTest {

	private static final double SPHERE_KM = SqlSearchEngine.EARTH_RADIUS_KM;

	@ParameterizedTest(name = "around {0}, {1} within {2} km")
	@CsvSource({ "51.48, -3.18, 100", "51.48, -3.18, 800", "-50.5, -120.3, 50", "0, 0, 500", "84, 10, 300" })
	void every_point_at_the_radius_is_inside_the_box(double lat, double lon, double radiusKm) {
		BoundingBox box = BoundingBox.around(lat, lon, radiusKm, SPHERE_KM);
		for (int bearing = 0; bearing < 360; bearing++) {
			double[] point = destination(lat, lon, bearing, radiusKm);
			assertThat(point[0]).as("latitude at bearing %d", bearing).isBetween(box.minLat(), box.maxLat());
			assertThat(point[1]).as("longitude at bearing %d", bearing).isBetween(box.minLon(), box.maxLon());
		}
	}

	@Test
	void the_box_is_no_wider_than_the_circle_away_from_the_poles_and_the_antimeridian() {
		BoundingBox box = BoundingBox.around(51.48, -3.18, 100, SPHERE_KM);

		assertThat(box.maxLat() - box.minLat()).isCloseTo(1.8, offset(0.01));
		assertThat(box.maxLon() - box.minLon()).isCloseTo(2.89, offset(0.01));
	}

	@Test
	void a_circle_across_the_antimeridian_takes_every_longitude() {
		BoundingBox box = BoundingBox.around(-40, 179.5, 100, SPHERE_KM);

		assertThat(box.minLon()).isEqualTo(-180);
		assertThat(box.maxLon()).isEqualTo(180);
	}

	@Test
	void a_circle_around_a_pole_takes_every_longitude() {
		BoundingBox box = BoundingBox.around(89.5, 40, 100, SPHERE_KM);

		assertThat(box.maxLat()).isEqualTo(90);
		assertThat(box.minLon()).isEqualTo(-180);
		assertThat(box.maxLon()).isEqualTo(180);
	}

	/** Where a great circle from the point on the bearing reaches after the distance. */
	private static double[] destination(double lat, double lon, double bearingDegrees, double km) {
		double angle = km / SPHERE_KM;
		double phi = Math.toRadians(lat);
		double theta = Math.toRadians(bearingDegrees);
		double phi2 = Math.asin(Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(theta));
		double lambda2 = Math.toRadians(lon) + Math.atan2(Math.sin(theta) * Math.sin(angle) * Math.cos(phi),
				Math.cos(angle) - Math.sin(phi) * Math.sin(phi2));
		return new double[] { Math.toDegrees(phi2), Math.toDegrees(lambda2) };
	}

}
