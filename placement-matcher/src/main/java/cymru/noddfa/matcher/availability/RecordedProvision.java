package cymru.noddfa.matcher.availability;

import java.util.List;

/**
 * A provision as the matcher's database records it, which is what Redis must mirror.
 *
 * @param provisionId the provision
 * @param state its latest state, or null when deleted or not recorded yet (rows folded
 * before states were kept: the next change or a rebuild records it)
 * @param deleted whether its tombstone was folded last
 * @param rows its ledger rows, one per bed type
 */
record RecordedProvision(String provisionId, ProvisionState state, boolean deleted, List<LedgerRow> rows) {

	/**
	 * Whether Redis, holding this, is missing something recorded here or holds an older
	 * version of it (or still holds a deleted provision).
	 */
	boolean isAheadOf(MirroredVersions mirrored) {
		if (this.deleted) {
			return mirrored.version() != null;
		}
		if (this.state == null && mirrored.version() == null) {
			// nothing to write the figures into; the rebuild writes the state
			return false;
		}
		if (this.state != null && (mirrored.version() == null || mirrored.version() < this.state.version())) {
			return true;
		}
		return this.rows.stream().anyMatch((row) -> {
			Long revision = mirrored.revisions().get(row.bedType());
			return revision == null || revision < row.revision();
		});
	}

}
