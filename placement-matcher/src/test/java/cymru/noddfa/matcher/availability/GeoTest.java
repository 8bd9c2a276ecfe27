package cymru.noddfa.matcher.availability;

import java.util.Random;
import java.util.UUID;

import cymru.noddfa.testsupport.TestInfrastructure;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.GeoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@WithInfrastructure(database = "matcher")
class GeoTest {

	private final Random random = new Random(52);

	@Test
	void a_distance_is_the_haversine_distance_however_it_is_computed() {
		for (int i = 0; i < 100_000; i++) {
			double lat1 = latitude();
			double lon1 = longitude();
			double lat2 = latitude();
			double lon2 = longitude();

			double km = Geo.distanceKm(lat1, lon1, lat2, lon2);

			assertThat(km).isCloseTo(textbookHaversine(lat1, lon1, lat2, lon2), within(1e-9));
			assertThat(Geo.distanceKm(lat1, lon1, Geo.cosOfLatitude(lat1), lat2, lon2, Geo.cosOfLatitude(lat2)))
				.isEqualTo(km);
		}
		assertThat(Geo.distanceKm(51.48, -3.18, 51.48, -3.18)).isZero();
	}

	@Test
	void the_chord_squared_grows_with_the_distance_and_agrees_with_it() {
		double[] a = new double[3];
		double[] b = new double[3];
		double[] c = new double[3];
		for (int i = 0; i < 100_000; i++) {
			double lat = latitude();
			double lon = longitude();
			double latB = latitude();
			double lonB = longitude();
			double latC = latitude();
			double lonC = longitude();
			Geo.unitVector(lat, lon, a);
			Geo.unitVector(latB, lonB, b);
			Geo.unitVector(latC, lonC, c);
			double toB = Geo.distanceKm(lat, lon, latB, lonB);
			double toC = Geo.distanceKm(lat, lon, latC, lonC);
			double chordB = Geo.chordSquared(a[0], a[1], a[2], b[0], b[1], b[2]);
			double chordC = Geo.chordSquared(a[0], a[1], a[2], c[0], c[1], c[2]);

			assertThat(chordB).isCloseTo(Geo.chordSquared(toB), within(1e-14));
			if (Math.abs(toB - toC) > 1e-6) {
				assertThat(chordB < chordC).isEqualTo(toB < toC);
			}
		}
		assertThat(Geo.chordSquared(Math.PI * Geo.EARTH_KM)).isEqualTo(4);
		assertThat(Geo.chordSquared(0)).isZero();
	}

	@Test
	void a_distance_is_the_one_redis_measures_to_the_metre(TestInfrastructure infrastructure) {
		String key = "geo-test:" + UUID.randomUUID();
		try (Jedis redis = new Jedis(infrastructure.redisHost(), infrastructure.redisPort())) {
			for (int i = 0; i < 200; i++) {
				double lat1 = latitude();
				double lon1 = longitude();
				double lat2 = latitude();
				double lon2 = longitude();
				redis.geoadd(key, lon1, lat1, "a" + i);
				redis.geoadd(key, lon2, lat2, "b" + i);

				double redisKm = redis.geodist(key, "a" + i, "b" + i, GeoUnit.KM);

				// Redis keeps a point to about half a metre (a 52-bit geohash)
				assertThat(Geo.distanceKm(lat1, lon1, lat2, lon2)).isCloseTo(redisKm, within(0.002));
			}
			redis.del(key);
		}
	}

	/** Wales and the English border, with some points far apart. */
	private double latitude() {
		return 50.0 + this.random.nextDouble() * 6.0;
	}

	private double longitude() {
		return -6.0 + this.random.nextDouble() * 5.0;
	}

	private static double textbookHaversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return Geo.EARTH_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
