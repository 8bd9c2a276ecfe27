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

}
