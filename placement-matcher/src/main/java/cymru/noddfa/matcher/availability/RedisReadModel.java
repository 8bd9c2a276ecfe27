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
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The shared availability read model in Redis: a hash per provision (its state as we read
 * it, and per bed type the available, spoken-for and revision figures) and, per bed type,
 * a GEO index of the provisions that are open with a bed free after holds, plus the same
 * per region. Searches answer from the in-process {@link AvailabilityIndex}; they read
 * here only the free beds of their few winners, which every instance's holds keep.
 * <p>
 * Every write is a Lua script that ignores anything older than what is held (provision
 * version, ledger revision) and keeps the indexes in step in the same atomic step.
 */
@Component
class RedisReadModel {

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

	RedisReadModel(UnifiedJedis redis, JsonMapper json, ReadModelProperties properties) {
		this.redis = redis;
		this.json = json;
		this.prefix = properties.keyPrefix();
	}

	/**
	 * EMPTY only when Redis answered that it holds no read model (emptied or restarted);
	 * a timeout or a refused connection is UNKNOWN, never a reason to rebuild.
	 */
	AvailabilityStore.Mirror status() {
		try {
			return this.redis.exists(this.prefix + "ready") ? AvailabilityStore.Mirror.READY
					: AvailabilityStore.Mirror.EMPTY;
		}
		catch (JedisException ex) {
			return AvailabilityStore.Mirror.UNKNOWN;
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
	void mirror(Collection<LedgerRow> rows) {
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
	 * Beds free after holds of these provisions, as every instance has held and placed,
	 * in one pipelined round trip with the read model's ready mark. A provision Redis
	 * does not hold is left out.
	 */
	AvailabilityStore.SharedFree free(List<String> provisionIds, BedType bedType) {
		List<Response<List<String>>> responses = new ArrayList<>(provisionIds.size());
		Response<Boolean> ready = guard(() -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				Response<Boolean> mark = pipeline.exists(this.prefix + "ready");
				for (String id : provisionIds) {
					responses.add(pipeline.hmget(key(id), "v", "a:" + bedType.name(), "h:" + bedType.name()));
				}
				pipeline.sync();
				return mark;
			}
		});
		Map<String, Integer> free = new java.util.HashMap<>();
		for (int i = 0; i < provisionIds.size(); i++) {
			List<String> fields = responses.get(i).get();
			if (fields.get(0) != null && fields.get(1) != null) {
				free.put(provisionIds.get(i), Math.max(0, integer(fields.get(1)) - integer(fields.get(2))));
			}
		}
		return new AvailabilityStore.SharedFree(ready.get(), free);
	}

	/** The provision with its figures for every bed type it has. */
	Optional<Map<String, String>> find(String provisionId) {
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
