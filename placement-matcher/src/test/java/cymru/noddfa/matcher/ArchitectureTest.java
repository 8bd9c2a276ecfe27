package cymru.noddfa.matcher;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	/**
	 * Pending: {@code referral.TimestampConverter} takes and returns {@code java.sql}
	 * types without being an edge. The availability read model is clean (its Redis use is
	 * the {@code RedisReadModel} component). Remove the argument once that converter is.
	 */
	ArchitectureTest() {
		super("cymru.noddfa.matcher", Pending.DOMAIN_FREE_OF_FRAMEWORKS);
	}

}
