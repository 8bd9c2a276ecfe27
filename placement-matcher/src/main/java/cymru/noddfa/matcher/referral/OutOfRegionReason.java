package cymru.noddfa.matcher.referral;

/**
 * Why a team holds a bed outside the child's home region: required for every such hold,
 * and carried on its events for the panel's review and the outcome figures.
 */
enum OutOfRegionReason {

	NO_SUITABLE_BED_IN_REGION, NEEDS_NOT_MET_IN_REGION, CHILD_OR_FAMILY_PREFERENCE, SAFEGUARDING_DISTANCE;

	/** As stored, where it may be absent. */
	static OutOfRegionReason parse(String stored) {
		return (stored != null) ? valueOf(stored) : null;
	}

}
