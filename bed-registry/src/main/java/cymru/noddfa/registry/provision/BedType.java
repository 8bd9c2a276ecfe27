package cymru.noddfa.registry.provision;

/** The kinds of bed a provision can offer (DESIGN §3). */
public enum BedType {

	/** Emergency, usually 72 hours or less. */
	CRISIS,
	/** Short-term assessment, weeks. */
	ASSESSMENT, SHORT_TERM, LONG_TERM,
	/** Evening or night drop-in, no overnight stay. */
	SAFE_SPACE_PLACE

}
