package cymru.noddfa.matcher.availability;

/**
 * The Lua scripts that write the read model ({@link ProvisionMirror}). Each ignores
 * anything older than what is held (provision version, ledger revision) and keeps the GEO
 * indexes in step with the hash in the same atomic step: a provision is in its bed type's
 * index, and its region's, while it is open with a bed free after holds.
 * <p>
 * A state of the version held is written again only when it differs from the one held:
 * the registry sends one state per version, so that happens only when a newer matcher
 * reads more of the same record (the on-call phone, {@code V8}) and its rebuild brings
 * the new fields in. A replay of what is held changes nothing.
 */
final class MirrorScripts {

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
			  local current = tonumber(redis.call('HGET', key, 'v'))
			  if current and current > tonumber(version) then return 0 end
			  if current == tonumber(version) and redis.call('HGET', key, 'state') == state then return 0 end
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
	static final String STATE = FUNCTIONS + """
			return writeState(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8],
			  {unpack(ARGV, 9)})
			""";

	/** ARGV: prefix, id, bed type, available, spoken for, revision. */
	static final String LEDGER = FUNCTIONS + """
			return writeLedger(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
			""";

	/**
	 * A provision whole, in one atomic step: ARGV: prefix, id, row count n, n × (bed
	 * type, available, spoken for, revision), then (unless only rows are written)
	 * version, state, status, lon, lat, region, bed types…
	 */
	static final String PROVISION = FUNCTIONS + """
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
	static final String REMOVE = """
			local key = KEYS[1]
			local region = redis.call('HGET', key, 'region')
			redis.call('DEL', key)
			for i = 3, #ARGV do
			  redis.call('ZREM', ARGV[1] .. 'geo:' .. ARGV[i], ARGV[2])
			  if region then redis.call('ZREM', ARGV[1] .. 'geo:' .. ARGV[i] .. ':' .. region, ARGV[2]) end
			end
			return 1
			""";

	private MirrorScripts() {
	}

}
