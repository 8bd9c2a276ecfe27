package cymru.noddfa.registry.provision;

/** Why a provision pauses, reopens or closes, e.g. {@code staffing}. */
record StatusRequest(String reason) {

	static final StatusRequest NONE = new StatusRequest(null);

}
