package cymru.noddfa.matcher.referral;

/** Where the child is now, as a point on the map. */
record Location(double lat, double lon) {

	Location {
		if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("Not a location: " + lat + ", " + lon);
		}
	}

}
