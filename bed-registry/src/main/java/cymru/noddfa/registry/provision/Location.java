package cymru.noddfa.registry.provision;

/** WGS84 degrees. */
public record Location(double lat, double lon) {

	public Location {
		if (!(lat >= -90 && lat <= 90)) {
			throw new InvalidValue("location.lat", "out-of-range", lat, -90, 90);
		}
		if (!(lon >= -180 && lon <= 180)) {
			throw new InvalidValue("location.lon", "out-of-range", lon, -180, 180);
		}
	}

}
