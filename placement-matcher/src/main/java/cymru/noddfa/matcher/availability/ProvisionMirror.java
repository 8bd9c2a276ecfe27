package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes the read model: a provision's state (as we read it) and, per bed type, its
 * available, spoken-for and revision figures, each with the {@link MirrorScripts} that
 * ignore anything older than what Redis holds. A provision is written whole (its state
 * and every ledger row, {@link #write}) wherever the database's record of it is at hand,
 * so a write that failed once is made good by the next, not only by the provision's next
 * change. Redis only mirrors the bed ledger; it never decides a hold.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProvisionMirror {

	private static final List<String> BED_TYPES = Arrays.stream(BedType.values()).map(BedType::name).toList();

	private final ReadModelRedis redis;

	private final JsonMapper json;

	private final Map<String, String> shas = new ConcurrentHashMap<>();

	private final Set<String> suspects = ConcurrentHashMap.newKeySet();

	/** Searches are served again: a rebuild has finished. */
	void markReady() {
		this.redis.call((jedis) -> jedis.set(this.redis.readyKey(), String.valueOf(System.currentTimeMillis())));
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
		run(new Call(provision.provisionId(), MirrorScripts.PROVISION, this.redis.provisionKey(provision.provisionId()),
				provisionArgs(provision)));
	}

	/**
	 * Many provisions, each as {@link #write} writes one, in one pipelined round trip:
	 * what one poll of the topic changed.
	 */
	void writeAll(List<RecordedProvision> provisions) {
		if (provisions.size() == 1) {
			write(provisions.getFirst());
			return;
		}
		pipelined(provisions.stream()
			.map((provision) -> provision.deleted() ? removal(provision.provisionId())
					: new Call(provision.provisionId(), MirrorScripts.PROVISION,
							this.redis.provisionKey(provision.provisionId()), provisionArgs(provision)))
			.toList());
	}

	/** For each provision, in the same order, the versions Redis holds of it. */
	List<MirroredVersions> versions(List<String> provisionIds) {
		List<String> fields = new ArrayList<>(List.of("v"));
		BED_TYPES.forEach((bedType) -> fields.add("r:" + bedType));
		return this.redis.fields(provisionIds, fields.toArray(String[]::new)).stream().map((values) -> {
			Map<BedType, Long> revisions = new EnumMap<>(BedType.class);
			for (int i = 0; i < BED_TYPES.size(); i++) {
				if (values.get(i + 1) != null) {
					revisions.put(BedType.valueOf(BED_TYPES.get(i)), Long.parseLong(values.get(i + 1)));
				}
			}
			return new MirroredVersions((values.get(0) != null) ? Long.parseLong(values.get(0)) : null, revisions);
		}).toList();
	}

	void writeStates(Collection<ProvisionState> states) {
		pipelined(states.stream()
			.map((s) -> new Call(s.provisionId(), MirrorScripts.STATE, this.redis.provisionKey(s.provisionId()),
					stateArgs(s)))
			.toList());
	}

	/** Mirrors ledger rows; stale rows (lower revision than held) change nothing. */
	public void mirror(Collection<LedgerRow> rows) {
		if (rows.size() == 1) {
			LedgerRow row = rows.iterator().next();
			run(new Call(row.provisionId(), MirrorScripts.LEDGER, this.redis.provisionKey(row.provisionId()),
					ledgerArgs(row)));
			return;
		}
		pipelined(rows.stream()
			.map((r) -> new Call(r.provisionId(), MirrorScripts.LEDGER, this.redis.provisionKey(r.provisionId()),
					ledgerArgs(r)))
			.toList());
	}

	void remove(String provisionId) {
		run(removal(provisionId));
	}

	private Call removal(String provisionId) {
		List<String> args = new ArrayList<>(List.of(this.redis.prefix(), provisionId));
		args.addAll(BED_TYPES);
		return new Call(provisionId, MirrorScripts.REMOVE, this.redis.provisionKey(provisionId), args);
	}

	private List<String> stateArgs(ProvisionState state) {
		List<String> args = new ArrayList<>(List.of(this.redis.prefix(), state.provisionId(),
				String.valueOf(state.version()), this.json.writeValueAsString(state), String.valueOf(state.status()),
				String.valueOf(state.location().lon()), String.valueOf(state.location().lat()),
				String.valueOf(state.regionCode())));
		args.addAll(BED_TYPES);
		return args;
	}

	private List<String> provisionArgs(RecordedProvision provision) {
		List<String> args = new ArrayList<>(
				List.of(this.redis.prefix(), provision.provisionId(), String.valueOf(provision.rows().size())));
		for (LedgerRow row : provision.rows()) {
			args.addAll(ledgerArgs(row).subList(2, 6));
		}
		if (provision.state() != null) {
			args.addAll(stateArgs(provision.state()).subList(2, 8 + BED_TYPES.size()));
		}
		return args;
	}

	private List<String> ledgerArgs(LedgerRow row) {
		return List.of(this.redis.prefix(), row.provisionId(), row.bedType().name(), String.valueOf(row.available()),
				String.valueOf(row.held() + row.placed()), String.valueOf(row.revision()));
	}

	/**
	 * The provisions whose last write to Redis failed or may have (a refused script, a
	 * lost connection) since they were last taken, taken now: the reconcile checks them
	 * every period.
	 */
	List<String> takeSuspects() {
		List<String> taken = new ArrayList<>(this.suspects);
		taken.forEach(this.suspects::remove);
		return taken;
	}

	/** Provisions to be checked again, after a check of them did not finish. */
	void suspect(Collection<String> provisionIds) {
		this.suspects.addAll(provisionIds);
	}

	private record Call(String provisionId, String script, String key, List<String> args) {
	}

	private void run(Call call) {
		try {
			this.redis.call((jedis) -> {
				try {
					return jedis.evalsha(sha(jedis, call.script(), false), List.of(call.key()), call.args());
				}
				catch (JedisNoScriptException ex) {
					// Redis restarted and forgot its scripts
					return jedis.evalsha(sha(jedis, call.script(), true), List.of(call.key()), call.args());
				}
			});
		}
		catch (RuntimeException ex) {
			this.suspects.add(call.provisionId());
			throw ex;
		}
	}

	/**
	 * One round trip; a call Redis refused within it (its memory full, say) fails alone,
	 * and its provision is suspect: the others are written.
	 */
	private void pipelined(List<Call> calls) {
		try {
			this.redis.call((jedis) -> {
				List<Response<Object>> replies = new ArrayList<>(calls.size());
				try (AbstractPipeline pipeline = jedis.pipelined()) {
					for (Call call : calls) {
						replies.add(pipeline.eval(call.script(), List.of(call.key()), call.args()));
					}
					pipeline.sync();
				}
				for (int i = 0; i < calls.size(); i++) {
					try {
						replies.get(i).get();
					}
					catch (JedisDataException ex) {
						this.suspects.add(calls.get(i).provisionId());
					}
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			calls.forEach((call) -> this.suspects.add(call.provisionId()));
			throw ex;
		}
	}

	private String sha(UnifiedJedis jedis, String script, boolean reload) {
		if (reload) {
			this.shas.remove(script);
		}
		return this.shas.computeIfAbsent(script, jedis::scriptLoad);
	}

}
