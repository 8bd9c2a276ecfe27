package cymru.noddfa.registry.provision;

public enum ProvisionKind {

	CRISIS_UNIT, ASSESSMENT_UNIT, CHILDRENS_HOME, THERAPEUTIC_RESIDENTIAL, SAFE_SPACE

}
