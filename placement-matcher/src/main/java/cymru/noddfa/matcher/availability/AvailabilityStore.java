package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The availability read model in Redis: a hash per provision (its state as we read it,
 * and per bed type the available, spoken-for and revision figures) and, per bed type, a
 * GEO index of the provisions that are open with a bed free after holds, plus the same
 * per region. The indexes stay small because full provisions are never in them, so a
 * nearest-first search reads only what it will use.
 * <p>
 * Every write is a Lua script that ignores anything older than what is held (provision
 * version, ledger revision) and keeps the indexes in step in the same atomic step.
 */
public class AvailabilityStore {

	private static final String REINDEX = """
			local function reindex(prefix, key, id, bt)
			  local f = redis.call('HMGET', key, 'status', 'lon', 'lat', 'region', 'a:' .. bt, 'h:' .. bt)
			  local all = prefix .. 'geo:' .. bt
			  local free = (tonumber(f[5]) or 0) - (tonumber(f[6]) or 0)
			  if f[1] == 'OPEN' and f[2] and free > 0 then
			    redis.call('GEOADD', all, f[2], f[3], id)
			    redis.call('GEOADD', all .. ':' .. f[4], f[2], f[3], id)
			  else
			    redis.call('ZREM', all, id)
			    if f[4] then redis.call('ZREM', all .. ':' .. f[4], id) end
			  end
			end
			""";

	/** ARGV: prefix, id, version, state, status, lon, lat, region, bed types… */
	private static final String STATE = REINDEX + """
			local key = KEYS[1]
			local prefix, id, region = ARGV[1], ARGV[2], ARGV[8]
			local current = redis.call('HGET', key, 'v')
			if current and tonumber(current) >= tonumber(ARGV[3]) then return 0 end
			local oldRegion = redis.call('HGET', key, 'region')
			redis.call('HSET', key, 'v', ARGV[3], 'state', ARGV[4], 'status', ARGV[5], 'lon', ARGV[6], 'lat', ARGV[7],
			  'region', region)
			for i = 9, #ARGV do
			  if oldRegion and oldRegion ~= region then
			    redis.call('ZREM', prefix .. 'geo:' .. ARGV[i] .. ':' .. oldRegion, id)
			  end
			  reindex(prefix, key, id, ARGV[i])
			end
			return 1
			""";

	/** ARGV: prefix, id, bed type, available, spoken for, revision. */
	private static final String LEDGER = REINDEX + """
			local key = KEYS[1]
			local bt = ARGV[3]
			local current = redis.call('HGET', key, 'r:' .. bt)
			if current and tonumber(current) >= tonumber(ARGV[6]) then return 0 end
			redis.call('HSET', key, 'a:' .. bt, ARGV[4], 'h:' .. bt, ARGV[5], 'r:' .. bt, ARGV[6])
			reindex(ARGV[1], key, ARGV[2], bt)
			return 1
			""";

	/** ARGV: prefix, id, bed types… */
	private static final String REMOVE = """
			local key = KEYS[1]
			local region = redis.call('HGET', key, 'region')
			redis.call('DEL', key)
			for i = 3, #ARGV do
			  redis.call('ZREM', ARGV[1] .. 'geo:' .. ARGV[i], ARGV[2])
			  if region then redis.call('ZREM', ARGV[1] .. 'geo:' .. ARGV[i] .. ':' .. region, ARGV[2]) end
			end
			return 1
			""";

	private static final List<String> BED_TYPES = Arrays.stream(BedType.values()).map(BedType::name).toList();

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final String prefix;

	private final Map<String, String> shas = new java.util.concurrent.ConcurrentHashMap<>();

	AvailabilityStore(UnifiedJedis redis, JsonMapper json, String prefix) {
		this.redis = redis;
		this.json = json;
		this.prefix = prefix;
	}

	/** A provision as the read model holds it, with its figures for one bed type. */
	public record Stored(ProvisionState state, int available, int spokenFor) {

		public int free() {
			return Math.max(0, this.available - this.spokenFor);
		}

	}

	/** A member of a GEO index and its distance from the search point. */
	public record Nearby(String provisionId, double distanceKm) {
	}

	/** False after Redis was emptied or restarted, until a rebuild has finished. */
	public boolean isReady() {
		try {
			return this.redis.exists(this.prefix + "ready");
		}
		catch (JedisException ex) {
			return false;
		}
	}

	/** True while Redis answers at all; a rebuild is only worth starting then. */
	boolean isReachable() {
		try {
			this.redis.ping();
			return true;
		}
		catch (JedisException ex) {
			return false;
		}
	}

	void markReady() {
		this.redis.set(this.prefix + "ready", String.valueOf(System.currentTimeMillis()));
	}

	void writeState(ProvisionState state) {
		run(STATE, List.of(key(state.provisionId())), stateArgs(state));
	}

	void writeStates(Collection<ProvisionState> states) {
		pipelined(STATE, states.stream().map((s) -> new Call(key(s.provisionId()), stateArgs(s))).toList());
	}

	/** Mirrors ledger rows; stale rows (lower revision than held) change nothing. */
	public void mirror(Collection<LedgerRow> rows) {
		if (rows.size() == 1) {
			LedgerRow row = rows.iterator().next();
			run(LEDGER, List.of(key(row.provisionId())), ledgerArgs(row));
			return;
		}
		pipelined(LEDGER, rows.stream().map((r) -> new Call(key(r.provisionId()), ledgerArgs(r))).toList());
	}

	void remove(String provisionId) {
		List<String> args = new ArrayList<>(List.of(this.prefix, provisionId));
		args.addAll(BED_TYPES);
		run(REMOVE, List.of(key(provisionId)), args);
	}

	/**
	 * Nearest first: up to {@code count} provisions with a free bed of the type, within
	 * the radius, optionally only those of one region.
	 */
	public List<Nearby> nearest(BedType bedType, String regionCode, double lat, double lon, double radiusKm,
			int count) {
		String key = this.prefix + "geo:" + bedType.name() + ((regionCode != null) ? ":" + regionCode : "");
		List<GeoRadiusResponse> hits = guard(() -> this.redis.geosearch(key,
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
		List<Response<List<String>>> responses = new ArrayList<>(provisionIds.size());
		guard(() -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				for (String id : provisionIds) {
					responses.add(pipeline.hmget(key(id), "state", "a:" + bedType.name(), "h:" + bedType.name()));
				}
				pipeline.sync();
			}
			return null;
		});
		List<Optional<Stored>> stored = new ArrayList<>(responses.size());
		for (Response<List<String>> response : responses) {
			List<String> fields = response.get();
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

	/** The provision with its figures for every bed type it has. */
	public Optional<Map<String, String>> find(String provisionId) {
		Map<String, String> hash = guard(() -> this.redis.hgetAll(key(provisionId)));
		return (hash == null || hash.get("state") == null) ? Optional.empty() : Optional.of(hash);
	}

	ProvisionState state(Map<String, String> hash) {
		return this.json.readValue(hash.get("state"), ProvisionState.class);
	}

	private List<String> stateArgs(ProvisionState state) {
		List<String> args = new ArrayList<>(List.of(this.prefix, state.provisionId(), String.valueOf(state.version()),
				this.json.writeValueAsString(state), String.valueOf(state.status()),
				String.valueOf(state.location().lon()), String.valueOf(state.location().lat()),
				String.valueOf(state.regionCode())));
		args.addAll(BED_TYPES);
		return args;
	}

	private List<String> ledgerArgs(LedgerRow row) {
		return List.of(this.prefix, row.provisionId(), row.bedType().name(), String.valueOf(row.available()),
				String.valueOf(row.held() + row.placed()), String.valueOf(row.revision()));
	}

	private String key(String provisionId) {
		return this.prefix + "prov:" + provisionId;
	}

	private static int integer(String value) {
		return (value != null) ? Integer.parseInt(value) : 0;
	}

	private record Call(String key, List<String> args) {
	}

	private void run(String script, List<String> keys, List<String> args) {
		guard(() -> {
			try {
				return this.redis.evalsha(sha(script, false), keys, args);
			}
			catch (JedisNoScriptException ex) {
				// Redis restarted and forgot its scripts
				return this.redis.evalsha(sha(script, true), keys, args);
			}
		});
	}

	private void pipelined(String script, List<Call> calls) {
		guard(() -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				for (Call call : calls) {
					pipeline.eval(script, List.of(call.key()), call.args());
				}
				pipeline.sync();
			}
			return null;
		});
	}

	private String sha(String script, boolean reload) {
		if (reload) {
			this.shas.remove(script);
		}
		return this.shas.computeIfAbsent(script, this.redis::scriptLoad);
	}

	private static <T> T guard(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (JedisException ex) {
			throw new ReadModelUnavailable(ex);
		}
	}

}
