package cymru.noddfa.matcher.search;

/**
 * The child's location is kept no finer than about 1 km: with "at home", exact
 * coordinates are the child's home address. Every point a search or a referral is made
 * from is moved to the nearest node of a grid 0.01° of latitude by 0.015° of longitude
 * apart, cells of about 1.1 km by 1.0 km across Wales (51.3° to 53.5° N, where a degree
 * of longitude is 0.6 of one of latitude), before anything else sees it: the ranking, the
 * database, logs, events and answers only ever have the coarse point, at most about 0.75
 * km from the real one, which changes no ranking that matters for a bed tens of km away.
 */
public final class LocationGrid {

	private LocationGrid() {
	}

	/** The latitude to two decimal places. */
	public static double lat(double lat) {
		return Math.round(lat * 100) / 100.0;
	}

	/**
	 * The longitude to the nearest 0.015°, written as thousandths so that the stored
	 * value has three decimals at most.
	 */
	public static double lon(double lon) {
		return Math.round(lon / 0.015) * 15 / 1000.0;
	}

}
