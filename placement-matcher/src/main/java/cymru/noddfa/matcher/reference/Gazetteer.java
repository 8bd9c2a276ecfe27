package cymru.noddfa.matcher.reference;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Towns a crisis team can name instead of giving coordinates, and Welsh postcodes. A
 * postcode is read only as far as its district (the outward code, {@code CF31} of
 * {@code CF31 1AB}) and answers the town that district is mapped to: the child's location
 * is kept coarse anyway, and a district centre is enough to rank beds.
 */
public final class Gazetteer {

	public record Place(String name, String regionCode, double lat, double lon) {
	}

	/** A district mapped to the gazetteer town that serves it. */
	public record District(String district, String place) {
	}

	/**
	 * A whole postcode (outward code, then a digit and two letters) or an outward code
	 * alone, once spaces are gone and letters are capitals.
	 */
	private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?");

	private final Map<String, Place> places;

	private final Map<String, Place> districts;

	public Gazetteer(Iterable<Place> places, Iterable<District> districts) {
		this.places = StreamSupport.stream(places.spliterator(), false)
			.collect(Collectors.toUnmodifiableMap((place) -> key(place.name()), (place) -> place));
		Map<String, Place> byDistrict = new HashMap<>();
		for (District district : districts) {
			Place place = this.places.get(key(district.place()));
			if (place == null) {
				throw new IllegalArgumentException(
						"Postcode district " + district.district() + " names " + district.place() + ", not a place");
			}
			byDistrict.put(district.district().toUpperCase(Locale.ROOT), place);
		}
		this.districts = Map.copyOf(byDistrict);
	}

	/** The town named, or the town serving the postcode's district. */
	public Optional<Place> find(String nameOrPostcode) {
		if (nameOrPostcode == null) {
			return Optional.empty();
		}
		Place place = this.places.get(key(nameOrPostcode));
		if (place != null) {
			return Optional.of(place);
		}
		Matcher postcode = POSTCODE.matcher(nameOrPostcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
		return postcode.matches() ? Optional.ofNullable(this.districts.get(postcode.group(1))) : Optional.empty();
	}

	private static String key(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

}
