package cymru.noddfa.matcher.availability;

/**
 * Great-circle distance, on the sphere Redis's GEO commands measure on: every engine, and
 * every judgement of a single provision, then gives a provision the same distance to the
 * tenth of a kilometre an answer shows.
 */
public final class Geo {

	public static final double EARTH_KM = 6372.797560856;

	private Geo() {
	}

	public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		return distanceKm(lat1, lon1, cosOfLatitude(lat1), lat2, lon2, cosOfLatitude(lat2));
	}

	/**
	 * The same distance, for a walk that measures from one point to many: it keeps each
	 * point's {@link #cosOfLatitude} rather than working it out again for every distance.
	 */
	static double distanceKm(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2) {
		double sinHalfLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
		double sinHalfLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
		double a = sinHalfLat * sinHalfLat + cosLat1 * cosLat2 * sinHalfLon * sinHalfLon;
		// atan2, not the equal asin(sqrt(a)) Redis uses: asin took a third of the
		// matcher's search CPU in the national profile and was slower in the engine
		// benchmark
		return EARTH_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

	static double cosOfLatitude(double lat) {
		return Math.cos(Math.toRadians(lat));
	}

	/**
	 * The square of the straight line through the sphere between two points on it, as a
	 * fraction of its radius: it grows with the great-circle distance, and three products
	 * of {@link #unitVector} coordinates give it without a trigonometric call.
	 */
	static double chordSquared(double x1, double y1, double z1, double x2, double y2, double z2) {
		double dx = x1 - x2;
		double dy = y1 - y2;
		double dz = z1 - z2;
		return dx * dx + dy * dy + dz * dz;
	}

	/** The chord squared of a great-circle distance: 4 sin²(θ/2), at most 4. */
	static double chordSquared(double km) {
		double halfAngle = km / EARTH_KM / 2;
		if (halfAngle >= Math.PI / 2) {
			return 4;
		}
		double half = Math.sin(halfAngle);
		return 4 * half * half;
	}

	/** The point as x, y and z on the unit sphere. */
	static void unitVector(double lat, double lon, double[] xyz) {
		double cosLat = cosOfLatitude(lat);
		double lonRadians = Math.toRadians(lon);
		xyz[0] = cosLat * Math.cos(lonRadians);
		xyz[1] = cosLat * Math.sin(lonRadians);
		xyz[2] = Math.sin(Math.toRadians(lat));
	}

}
