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
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return EARTH_KM * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
