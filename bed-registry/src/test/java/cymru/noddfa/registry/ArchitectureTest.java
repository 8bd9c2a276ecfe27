package cymru.noddfa.registry;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	ArchitectureTest() {
		super("cymru.noddfa.registry");
	}

}
