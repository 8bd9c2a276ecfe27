package cymru.noddfa.panels;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	ArchitectureTest() {
		super("cymru.noddfa.panels");
	}

}
