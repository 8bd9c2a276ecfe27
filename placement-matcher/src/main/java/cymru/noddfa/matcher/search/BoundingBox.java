package cymru.noddfa.matcher.search;

/**
 * The latitudes and longitudes that hold every point within a distance of a centre, on a
 * sphere: the range an index on (latitude, longitude) can scan before the exact distance
 * is tested. Never too small, sometimes too large: where the circle reaches a pole or
 * crosses the 180th meridian it takes every longitude, rather than two ranges.
 */
record BoundingBox(double minLat, double maxLat, double minLon, double maxLon) {

	/** Absorbs rounding, so that a point at exactly the distance is never outside. */
	private static final double MARGIN_DEGREES = 1e-6;

	static BoundingBox around(double lat, double lon, double radiusKm, double sphereRadiusKm) {
		double angle = radiusKm / sphereRadiusKm;
		double minLat = lat - Math.toDegrees(angle) - MARGIN_DEGREES;
		double maxLat = lat + Math.toDegrees(angle) + MARGIN_DEGREES;
		if (minLat <= -90 || maxLat >= 90) {
			return new BoundingBox(Math.max(minLat, -90), Math.min(maxLat, 90), -180, 180);
		}
		// the widest the circle is east to west, which is north of its centre's parallel
		// in
		// the north and south of it in the south
		double sine = Math.sin(angle) / Math.cos(Math.toRadians(lat));
		if (sine >= 1) {
			return new BoundingBox(minLat, maxLat, -180, 180);
		}
		double halfWidth = Math.toDegrees(Math.asin(sine)) + MARGIN_DEGREES;
		if (lon - halfWidth < -180 || lon + halfWidth > 180) {
			return new BoundingBox(minLat, maxLat, -180, 180);
		}
		return new BoundingBox(minLat, maxLat, lon - halfWidth, lon + halfWidth);
	}

}
