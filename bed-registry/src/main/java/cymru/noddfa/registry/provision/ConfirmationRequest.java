package cymru.noddfa.registry.provision;

/** "Still accurate" for one bed type, or for all when {@code bedType} is left out. */
record ConfirmationRequest(BedType bedType) {

	static final ConfirmationRequest ALL = new ConfirmationRequest(null);

}
