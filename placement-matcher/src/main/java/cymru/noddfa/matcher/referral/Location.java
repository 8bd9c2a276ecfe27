package cymru.noddfa.matcher.referral;

import cymru.noddfa.matcher.search.LocationGrid;

/**
 * Where the child is now, no finer than the {@link LocationGrid}: whatever point it is
 * made from, it holds, stores and shows only the coarse one.
 */
record Location(double lat, double lon) {

	Location {
		if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("Not a location");
		}
		lat = LocationGrid.lat(lat);
		lon = LocationGrid.lon(lon);
	}

}
