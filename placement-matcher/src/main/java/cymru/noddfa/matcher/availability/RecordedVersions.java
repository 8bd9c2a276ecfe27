package cymru.noddfa.matcher.availability;

import java.util.List;

/**
 * The versions of a provision as the matcher's database records it, without its state:
 * enough to tell whether Redis's copy is missing or behind.
 *
 * @param provisionId the provision
 * @param version its latest state's version, or null when deleted or no state is recorded
 * yet (rows folded before states were kept)
 * @param deleted whether its tombstone was folded last
 * @param rows its ledger rows, one per bed type
 */
record RecordedVersions(String provisionId, Long version, boolean deleted, List<LedgerRow> rows) {

	/** Ledger rows with no state beside them: folded before the matcher kept states. */
	boolean lacksState() {
		return this.version == null && !this.deleted && !this.rows.isEmpty();
	}

	/**
	 * Whether Redis, holding this, is missing something recorded here or holds an older
	 * version of it (or still holds a deleted provision).
	 */
	boolean isAheadOf(MirroredVersions mirrored) {
		if (this.deleted) {
			return mirrored.version() != null;
		}
		if (this.version == null && mirrored.version() == null) {
			// nothing to write the figures into; the rebuild writes the state
			return false;
		}
		if (this.version != null && (mirrored.version() == null || mirrored.version() < this.version)) {
			return true;
		}
		return this.rows.stream().anyMatch((row) -> {
			Long revision = mirrored.revisions().get(row.bedType());
			return revision == null || revision < row.revision();
		});
	}

}
