package cymru.noddfa.matcher.availability;

import java.util.Map;

/**
 * What Redis holds of a provision: the version of its state and the ledger revision of
 * each bed type's figures (null or absent: none held).
 */
record MirroredVersions(Long version, Map<BedType, Long> revisions) {
}
