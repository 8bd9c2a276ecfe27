package cymru.noddfa.gateway;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTests extends HouseRulesTest {

	ArchitectureTests() {
		super("cymru.noddfa.gateway");
	}

}
