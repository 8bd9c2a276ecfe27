package cymru.noddfa.matcher.availability;

public enum BedType {

	CRISIS, ASSESSMENT, SHORT_TERM, LONG_TERM, SAFE_SPACE_PLACE;

	/** Bed types this version does not know (a newer registry) are skipped, not fatal. */
	static java.util.Optional<BedType> parse(String name) {
		for (BedType type : values()) {
			if (type.name().equals(name)) {
				return java.util.Optional.of(type);
			}
		}
		return java.util.Optional.empty();
	}

}
