package cymru.noddfa.matcher.availability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The availability read model as the rest of the matcher sees it: the in-process
 * {@link AvailabilityIndex} that searches walk, and the shared mirror in Redis of what
 * every instance has held and placed. Every change goes to the index first, so a Redis
 * that does not answer never leaves this instance's searches behind.
 */
public class AvailabilityStore {

	/** What Redis said about its read model; UNKNOWN when it did not answer. */
	public enum Mirror {

		READY, EMPTY, UNKNOWN

	}

	/** Free beds after holds by provision, and whether the mirror was complete. */
	public record SharedFree(boolean ready, Map<String, Integer> free) {
	}

	private final AvailabilityIndex index;

	private final RedisReadModel redis;

	AvailabilityStore(AvailabilityIndex index, RedisReadModel redis) {
		this.index = index;
		this.redis = redis;
	}

	public AvailabilityIndex index() {
		return this.index;
	}

	public Mirror mirrorStatus() {
		return this.redis.status();
	}

	/** True while Redis holds a complete read model. */
	public boolean isReady() {
		return this.redis.status() == Mirror.READY;
	}

	/**
	 * The winners' free beds as every instance has held and placed them.
	 * @throws ReadModelUnavailable when Redis does not answer
	 */
	public SharedFree sharedFree(List<String> provisionIds, BedType bedType) {
		return this.redis.free(provisionIds, bedType);
	}

	/** Mirrors ledger rows; stale rows (lower revision than held) change nothing. */
	public void mirror(Collection<LedgerRow> rows) {
		this.index.ledger(rows);
		this.redis.mirror(rows);
	}

	void writeState(ProvisionState state) {
		this.index.put(state);
		this.redis.writeState(state);
	}

	void remove(String provisionId) {
		this.index.remove(provisionId);
		this.redis.remove(provisionId);
	}

	Optional<Map<String, String>> find(String provisionId) {
		return this.redis.find(provisionId);
	}

	ProvisionState state(Map<String, String> hash) {
		return this.redis.state(hash);
	}

}
