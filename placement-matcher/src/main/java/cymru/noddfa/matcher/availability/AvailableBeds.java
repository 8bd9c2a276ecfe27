package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What searches and the availability endpoint read from the read model: the provisions
 * nearest a point with a bed of a type free, each one's state and figures for that bed
 * type, and one provision's whole hash. The indexes hold only provisions that are open
 * with a bed free after holds, so a nearest-first search reads only what it will use.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AvailableBeds {

	private final ReadModelRedis redis;

	private final JsonMapper json;

	/** A provision as the read model holds it, with its figures for one bed type. */
	public record Stored(ProvisionState state, int available, int spokenFor) {

		public int free() {
			return Math.max(0, this.available - this.spokenFor);
		}

	}

	/** A member of a GEO index and its distance from the search point. */
	public record Nearby(String provisionId, double distanceKm) {
	}

	/**
	 * True only when Redis answered that the read model is not there (emptied, or
	 * restarted without its data): a Redis that did not answer, because it is away or
	 * every pooled connection is busy, is not an empty one, and must never start a
	 * rebuild in the middle of an overload.
	 */
	boolean isKnownEmpty() {
		try {
			return !this.redis.call((jedis) -> jedis.exists(this.redis.readyKey()));
		}
		catch (ReadModelUnavailable ex) {
			return false;
		}
	}

	/** False after Redis was emptied or restarted, until a rebuild has finished. */
	public boolean isReady() {
		try {
			return this.redis.call((jedis) -> jedis.exists(this.redis.readyKey()));
		}
		catch (ReadModelUnavailable ex) {
			return false;
		}
	}

	/**
	 * Nearest first: up to {@code count} provisions with a free bed of the type, within
	 * the radius, optionally only those of one region.
	 */
	public List<Nearby> nearest(BedType bedType, String regionCode, double lat, double lon, double radiusKm,
			int count) {
		String key = this.redis.indexKey(bedType, regionCode);
		List<GeoRadiusResponse> hits = this.redis.call((jedis) -> jedis.geosearch(key,
				new GeoSearchParam().fromLonLat(lon, lat)
					.byRadius(radiusKm, GeoUnit.KM)
					.asc()
					.count(count)
					.withDist()));
		return hits.stream().map((hit) -> new Nearby(hit.getMemberByString(), hit.getDistance())).toList();
	}

	/** One pipelined round trip for all the provisions a search looks at. */
	public List<Optional<Stored>> load(List<String> provisionIds, BedType bedType) {
		if (provisionIds.isEmpty()) {
			return List.of();
		}
		List<List<String>> hashes = this.redis.fields(provisionIds, "state", "a:" + bedType.name(),
				"h:" + bedType.name());
		List<Optional<Stored>> stored = new ArrayList<>(hashes.size());
		for (List<String> fields : hashes) {
			if (fields.get(0) == null) {
				stored.add(Optional.empty());
			}
			else {
				stored.add(Optional.of(new Stored(this.json.readValue(fields.get(0), ProvisionState.class),
						integer(fields.get(1)), integer(fields.get(2)))));
			}
		}
		return stored;
	}

	/**
	 * Beds of the type free after every instance's holds and placements, for each
	 * provision in the same order, in one pipelined round trip; -1 for a provision the
	 * read model does not hold (yet). The same round trip asks whether the read model is
	 * ready, so that an emptied Redis is a {@link ReadModelUnavailable} (503), never an
	 * answer without the beds it forgot.
	 */
	public int[] free(List<String> provisionIds, BedType bedType) {
		int[] free = new int[provisionIds.size()];
		if (provisionIds.isEmpty()) {
			return free;
		}
		List<List<String>> figures = this.redis.fieldsWhenReady(provisionIds, "v", "a:" + bedType.name(),
				"h:" + bedType.name());
		for (int i = 0; i < free.length; i++) {
			List<String> f = figures.get(i);
			free[i] = (f.get(0) == null) ? -1 : Math.max(0, integer(f.get(1)) - integer(f.get(2)));
		}
		return free;
	}

	/** The provision with its figures for every bed type it has. */
	Optional<Map<String, String>> find(String provisionId) {
		Map<String, String> hash = this.redis.call((jedis) -> jedis.hgetAll(this.redis.provisionKey(provisionId)));
		return (hash == null || hash.get("state") == null) ? Optional.empty() : Optional.of(hash);
	}

	ProvisionState state(Map<String, String> hash) {
		return this.json.readValue(hash.get("state"), ProvisionState.class);
	}

	private static int integer(String value) {
		return (value != null) ? Integer.parseInt(value) : 0;
	}

}
