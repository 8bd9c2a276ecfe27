package cymru.noddfa.registry.provision;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Every vacancy and status change of one provision, oldest or newest first, a page at a
 * time.
 */
record ProvisionHistory(String provisionId, List<Item> items, int page, int size, long totalItems, int totalPages) {

	/**
	 * Oldest first reads as the provision's story; newest first is what a provider on
	 * shift checks: what changed last, and who changed it.
	 */
	enum Order {

		OLDEST, NEWEST

	}

	record Item(long version, Instant at, String actor, HistoryEntry.Change change, BedType bedType, JsonNode before,
			JsonNode after, String reason) {
	}

}
