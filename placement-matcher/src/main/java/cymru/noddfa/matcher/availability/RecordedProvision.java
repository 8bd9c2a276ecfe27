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

}
