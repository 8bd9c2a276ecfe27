package cymru.noddfa.matcher.search;

public enum Sex {

	FEMALE, MALE, OTHER, UNKNOWN

}
