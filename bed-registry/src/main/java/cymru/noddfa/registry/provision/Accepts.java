package cymru.noddfa.registry.provision;

/** Which children a provision can take by sex or gender. */
public enum Accepts {

	ANY, FEMALE, MALE

}
