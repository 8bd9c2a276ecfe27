package cymru.noddfa.matcher.reference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Towns a crisis team can name instead of giving coordinates. */
public final class Gazetteer {

	public record Place(String name, String regionCode, double lat, double lon) {
	}

	private final Map<String, Place> places;

	public Gazetteer(Iterable<Place> places) {
		this.places = java.util.stream.StreamSupport.stream(places.spliterator(), false)
			.collect(Collectors.toUnmodifiableMap((place) -> key(place.name()), (place) -> place));
	}

	public Optional<Place> find(String name) {
		return (name != null) ? Optional.ofNullable(this.places.get(key(name))) : Optional.empty();
	}

	private static String key(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

}
