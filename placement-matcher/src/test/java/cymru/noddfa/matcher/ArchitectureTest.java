package cymru.noddfa.matcher;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	ArchitectureTest() {
		super("cymru.noddfa.matcher");
	}

}
