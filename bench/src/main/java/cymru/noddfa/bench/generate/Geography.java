package cymru.noddfa.bench.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where generated provisions are. Wales uses the real gazetteer. Larger scales cluster
 * towns around Great Britain's cities, weighted roughly by population; because the
 * registry accepts only the Welsh regions and local authorities of
 * {@code wales-regions.csv}, each such town is filed under one of the Welsh places in
 * turn, so regions there are administrative buckets rather than areas on the map.
 */
public final class Geography {

	private static final List<City> CITIES = List.of(new City("London", 51.507, -0.128, 9),
			new City("Birmingham", 52.486, -1.890, 3), new City("Manchester", 53.480, -2.243, 3),
			new City("Leeds", 53.800, -1.549, 2), new City("Glasgow", 55.864, -4.252, 2),
			new City("Liverpool", 53.408, -2.991, 2), new City("Newcastle", 54.978, -1.617, 2),
			new City("Sheffield", 53.381, -1.470, 2), new City("Bristol", 51.454, -2.587, 2),
			new City("Edinburgh", 55.953, -3.188, 2), new City("Cardiff", 51.481, -3.179, 1.5),
			new City("Nottingham", 52.954, -1.158, 1.5), new City("Leicester", 52.636, -1.139, 1),
			new City("Southampton", 50.909, -1.404, 1), new City("Plymouth", 50.375, -4.143, 1),
			new City("Norwich", 52.630, 1.297, 1), new City("Cambridge", 52.205, 0.119, 1),
			new City("Oxford", 51.752, -1.258, 1), new City("Exeter", 50.718, -3.534, 1),
			new City("Hull", 53.767, -0.327, 1), new City("Aberdeen", 57.150, -2.094, 1),
			new City("Inverness", 57.478, -4.224, 0.5), new City("Carlisle", 54.892, -2.932, 0.5),
			new City("Swansea", 51.621, -3.944, 1), new City("Stoke-on-Trent", 53.003, -2.179, 1),
			new City("Brighton", 50.822, -0.137, 1), new City("York", 53.960, -1.087, 1),
			new City("Coventry", 52.406, -1.512, 1), new City("Bangor", 53.228, -4.129, 0.5),
			new City("Lincoln", 53.230, -0.540, 0.5));

	private final List<Place> walesPlaces;

	private Geography(List<Place> walesPlaces) {
		this.walesPlaces = walesPlaces;
	}

	public static Geography load() {
		List<Place> places = new ArrayList<>();
		for (String[] row : csv("/geography/wales-places.csv")) {
			places.add(new Place(row[0], row[1], row[2], Double.parseDouble(row[3]), Double.parseDouble(row[4])));
		}
		return new Geography(List.copyOf(places));
	}

	public List<Place> walesPlaces() {
		return this.walesPlaces;
	}

	/**
	 * The towns provisions of this scale gather around: the Welsh gazetteer for Wales,
	 * otherwise one town per twenty provisions scattered around the cities.
	 */
	public List<Place> towns(Scale scale, RandomGenerator random) {
		if (scale == Scale.WALES) {
			return this.walesPlaces;
		}
		int count = Math.max(50, scale.provisions() / 20);
		double totalWeight = CITIES.stream().mapToDouble(City::weight).sum();
		List<Place> towns = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			City city = pick(random, totalWeight);
			double spread = 0.25 + 0.35 * random.nextDouble();
			double lat = clamp(city.lat() + random.nextGaussian() * spread * 0.6, 49.9, 58.7);
			double lon = clamp(city.lon() + random.nextGaussian() * spread, -6.2, 1.8);
			Place filedUnder = this.walesPlaces.get(i % this.walesPlaces.size());
			towns.add(new Place(city.name() + " " + (i + 1), filedUnder.localAuthority(), filedUnder.regionCode(),
					round(lat), round(lon)));
		}
		return List.copyOf(towns);
	}

	private static City pick(RandomGenerator random, double totalWeight) {
		double at = random.nextDouble() * totalWeight;
		for (City city : CITIES) {
			at -= city.weight();
			if (at < 0) {
				return city;
			}
		}
		return CITIES.get(CITIES.size() - 1);
	}

	static double round(double degrees) {
		return Math.round(degrees * 100_000d) / 100_000d;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	static List<String[]> csv(String resource) {
		try (InputStream in = Geography.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return reader.lines().skip(1).filter((line) -> !line.isBlank()).map((line) -> line.split(",", -1)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record City(String name, double lat, double lon, double weight) {
	}

}
