package cymru.noddfa.matcher;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	/**
	 * Pending: {@code availability.AvailabilityStore} talks to Redis (Jedis) but is made
	 * by a {@code @Bean} method rather than being a component, so the rule takes it for
	 * domain logic. Remove the argument once it is an edge by what it is.
	 */
	ArchitectureTest() {
		super("cymru.noddfa.matcher", Pending.DOMAIN_FREE_OF_FRAMEWORKS);
	}

}
