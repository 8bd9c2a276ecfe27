package cymru.noddfa.notifications;

import cymru.noddfa.testsupport.HouseRulesTest;

class ArchitectureTest extends HouseRulesTest {

	ArchitectureTest() {
		super("cymru.noddfa.notifications");
	}

}
