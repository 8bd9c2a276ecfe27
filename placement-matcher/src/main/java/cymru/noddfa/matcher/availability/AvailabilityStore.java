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
 * version, ledger revision) and keeps the indexes in step in the same atomic step. A
 * provision is written whole (its state and every ledger row, {@link #write}) wherever
 * the database's record of it is at hand, so a write that failed once is made good by the
 * next, not only by the provision's next change.
 */
public class AvailabilityStore {

	private static final String FUNCTIONS = """
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
			local function writeState(prefix, key, id, version, state, status, lon, lat, region, bedTypes)
			  local current = redis.call('HGET', key, 'v')
			  if current and tonumber(current) >= tonumber(version) then return 0 end
			  local oldRegion = redis.call('HGET', key, 'region')
			  redis.call('HSET', key, 'v', version, 'state', state, 'status', status, 'lon', lon, 'lat', lat,
			    'region', region)
			  for _, bt in ipairs(bedTypes) do
			    if oldRegion and oldRegion ~= region then
			      redis.call('ZREM', prefix .. 'geo:' .. bt .. ':' .. oldRegion, id)
			    end
			    reindex(prefix, key, id, bt)
			  end
			  return 1
			end
			local function writeLedger(prefix, key, id, bt, available, spokenFor, revision)
			  local current = redis.call('HGET', key, 'r:' .. bt)
			  if current and tonumber(current) >= tonumber(revision) then return 0 end
			  redis.call('HSET', key, 'a:' .. bt, available, 'h:' .. bt, spokenFor, 'r:' .. bt, revision)
			  reindex(prefix, key, id, bt)
			  return 1
			end
			""";

	/** ARGV: prefix, id, version, state, status, lon, lat, region, bed types… */
	private static final String STATE = FUNCTIONS + """
			return writeState(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8],
			  {unpack(ARGV, 9)})
			""";

	/** ARGV: prefix, id, bed type, available, spoken for, revision. */
	private static final String LEDGER = FUNCTIONS + """
			return writeLedger(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
			""";

	/**
	 * A provision whole, in one atomic step: ARGV: prefix, id, row count n, n × (bed
	 * type, available, spoken for, revision), then (unless only rows are written)
	 * version, state, status, lon, lat, region, bed types…
	 */
	private static final String PROVISION = FUNCTIONS + """
			local prefix, key, id = ARGV[1], KEYS[1], ARGV[2]
			local n = tonumber(ARGV[3])
			local at = 4 + 4 * n
			local changed = 0
			if ARGV[at] then
			  changed = writeState(prefix, key, id, ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4],
			    ARGV[at + 5], {unpack(ARGV, at + 6)})
			end
			for i = 0, n - 1 do
			  local j = 4 + 4 * i
			  changed = math.max(changed, writeLedger(prefix, key, id, ARGV[j], ARGV[j + 1], ARGV[j + 2], ARGV[j + 3]))
			end
			return changed
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

	/**
	 * The provision as the database records it: its state and all its ledger rows, each
	 * part unless Redis holds it as new; a deleted one is removed.
	 */
	void write(RecordedProvision provision) {
		if (provision.deleted()) {
			remove(provision.provisionId());
			return;
		}
		run(PROVISION, List.of(key(provision.provisionId())), provisionArgs(provision));
	}

	/** For each provision, in the same order, the versions Redis holds of it. */
	List<MirroredVersions> versions(List<String> provisionIds) {
		List<String> fields = new ArrayList<>(List.of("v"));
		BED_TYPES.forEach((bedType) -> fields.add("r:" + bedType));
		List<Response<List<String>>> responses = new ArrayList<>(provisionIds.size());
		guard(() -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				for (String id : provisionIds) {
					responses.add(pipeline.hmget(key(id), fields.toArray(String[]::new)));
				}
				pipeline.sync();
			}
			return null;
		});
		return responses.stream().map((response) -> {
			List<String> values = response.get();
			Map<BedType, Long> revisions = new java.util.EnumMap<>(BedType.class);
			for (int i = 0; i < BED_TYPES.size(); i++) {
				if (values.get(i + 1) != null) {
					revisions.put(BedType.valueOf(BED_TYPES.get(i)), Long.parseLong(values.get(i + 1)));
				}
			}
			return new MirroredVersions((values.get(0) != null) ? Long.parseLong(values.get(0)) : null, revisions);
		}).toList();
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

	private List<String> provisionArgs(RecordedProvision provision) {
		List<String> args = new ArrayList<>(
				List.of(this.prefix, provision.provisionId(), String.valueOf(provision.rows().size())));
		for (LedgerRow row : provision.rows()) {
			args.addAll(ledgerArgs(row).subList(2, 6));
		}
		if (provision.state() != null) {
			args.addAll(stateArgs(provision.state()).subList(2, 8 + BED_TYPES.size()));
		}
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
